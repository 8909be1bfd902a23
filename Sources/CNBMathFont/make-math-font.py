#!/usr/bin/python3
"""Makes nb-math.woff2, the math font nb ships with every page, from Latin Modern Math.

Run from anywhere:  /usr/bin/python3 Sources/CNBMathFont/make-math-font.py
Needs: Debian's fonts-lmodern (the source font), python3-fonttools, woff2 (woff2_compress).

What it does, and why:
1. Subsets the font to what the MathML writer emits: ASCII and Latin-1, Greek, the combining
   accents, general punctuation through the math symbol blocks (U+2000-2BFF), angle brackets, and
   the Mathematical Alphanumeric alphabets MathFont maps to (bold, italic, bold italic, script,
   fraktur, double-struck, sans-serif, monospace; Greek bold/italic/bold italic; their digits).
   The MATH table, every layout feature (ssty, flac) and all glyph variants the MATH table
   reaches are kept, so stretchy operators, radicals and accents still grow.
2. Gives the spacing circumflex (U+02C6), tilde (U+02DC) and caron (U+02C7) the horizontal size
   variants the font has for the combining marks: Chromium stretches an accent only if it is
   one of the characters MathML Core lists as stretching horizontally (ˆ ˜ ˇ are; U+0303 and
   U+030C are not), so without this `\\widetilde` and `\\widecheck` could not grow. The spacing
   glyph stays the smallest size: the combining mark, which the font lists first, has no
   advance and is drawn left of a narrow base (`\\widehat{ab}` at some sizes).
3. Renames the font (GUST Font License's request for derived works) and compresses it to WOFF2.
The output is deterministic for a given source font and fonttools version.
"""
import copy
import hashlib
import os
import re
import subprocess
import sys
import tempfile

from fontTools import subset
from fontTools.ttLib import TTFont

SOURCE = "/usr/share/texmf/fonts/opentype/public/lm-math/latinmodern-math.otf"
HERE = os.path.dirname(os.path.abspath(__file__))
OUTPUT = os.path.join(HERE, "nb-math.woff2")
FAMILY = "NB Math"

UNICODES = [
    (0x0020, 0x007E), (0x00A0, 0x00FF), (0x0131, 0x0131), (0x0237, 0x0237), (0x02C6, 0x02DD),
    (0x0300, 0x036F), (0x0391, 0x03F6), (0x2000, 0x2BFF), (0x3008, 0x3009),
    (0x1D400, 0x1D4CF),  # bold, italic, bold italic, script
    (0x1D504, 0x1D56B),  # fraktur, double-struck
    (0x1D5A0, 0x1D5D3),  # sans-serif
    (0x1D670, 0x1D755),  # monospace, dotless i/j, Greek bold, italic, bold italic
    (0x1D7CE, 0x1D7EB),  # bold, double-struck, sans-serif digits
    (0x1D7F6, 0x1D7FF),  # monospace digits
]

# Spacing accent ← the combining accent whose horizontal variants it borrows.
BORROWED_VARIANTS = {"circumflex": "circumflexcmb", "tilde": "tildecomb", "caron": "caroncmb"}


def borrow_variants(font):
    variants = font["MATH"].table.MathVariants
    coverage = variants.HorizGlyphCoverage.glyphs
    constructions = variants.HorizGlyphConstruction
    for target, donor in BORROWED_VARIANTS.items():
        if target in coverage or donor not in coverage:
            continue
        construction = constructions[coverage.index(donor)]
        borrowed = copy.deepcopy(construction)
        # The first variant is the glyph itself at its own width; the donor's larger ones follow.
        borrowed.MathGlyphVariantRecord[0].VariantGlyph = target
        borrowed.MathGlyphVariantRecord[0].AdvanceMeasurement = font["hmtx"][target][0]
        # Coverage lists glyphs in glyph-id order, and constructions follow the coverage.
        target_id = font.getGlyphID(target)
        index = next((i for i, name in enumerate(coverage) if font.getGlyphID(name) > target_id), len(coverage))
        coverage.insert(index, target)
        constructions.insert(index, borrowed)
    variants.HorizGlyphCount = len(constructions)


def rename(font):
    for record in font["name"].names:
        if record.nameID in (1, 4, 16, 18, 21):
            record.string = FAMILY
        elif record.nameID == 6:
            record.string = FAMILY.replace(" ", "")
        elif record.nameID == 3:
            record.string = FAMILY + " (subset of Latin Modern Math 1.959)"
    if "CFF " in font:
        cff = font["CFF "].cff
        cff.fontNames = [FAMILY.replace(" ", "")]
        top = cff.topDictIndex[0]
        top.FullName = FAMILY
        top.FamilyName = FAMILY


def main():
    if not os.path.exists(SOURCE):
        sys.exit(f"missing {SOURCE}: apt install fonts-lmodern")
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True
    options.notdef_outline = True
    options.drop_tables += ["FFTM"]
    font = TTFont(SOURCE, recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[c for low, high in UNICODES for c in range(low, high + 1)])
    subsetter.subset(font)
    borrow_variants(font)
    rename(font)
    font["head"].modified = font["head"].created  # no build time in the file
    with tempfile.TemporaryDirectory() as folder:
        otf = os.path.join(folder, "nb-math.otf")
        font.save(otf)
        subprocess.run(["woff2_compress", otf], check=True, stdout=subprocess.DEVNULL)
        os.replace(os.path.join(folder, "nb-math.woff2"), OUTPUT)
    # The build does not track files pulled in by `.incbin`; the checksum in the assembly file
    # changes with the font, so that every build that sees a new font relinks it.
    digest = hashlib.sha256(open(OUTPUT, "rb").read()).hexdigest()
    assembly = os.path.join(HERE, "nb-math-font.S")
    text = open(assembly).read()
    open(assembly, "w").write(re.sub(r"nb-math.woff2 sha256: [0-9a-f]*", "nb-math.woff2 sha256: " + digest, text))
    print(f"{OUTPUT}: {os.path.getsize(OUTPUT)} bytes, sha256 {digest}")


if __name__ == "__main__":
    main()
