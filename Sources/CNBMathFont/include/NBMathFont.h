#ifndef NB_MATH_FONT_H
#define NB_MATH_FONT_H

/// The bytes of nb-math.woff2 (a subset of Latin Modern Math, GUST Font License), linked into
/// the binary by nb-math-font.S. See README.md in this folder for how the file is made.
const unsigned char *nb_math_font_woff2_bytes(void);

/// The number of bytes `nb_math_font_woff2_bytes` points to.
unsigned long nb_math_font_woff2_count(void);

#endif
