// Links nb-math.woff2 into the binary as read-only data: the font is part of the executable, so
// nb needs no resource bundle at run time. The path is found through the target's header
// search path (Package.swift adds this folder). The build does not see the font as an input of
// this file, so make-math-font.py writes the font's checksum here: a new font changes this file.
// nb-math.woff2 sha256: 2757a8e85717c3cbfc0cba5751cf3d89e3cda2d3bb7a9eba7e9d34c236805473
    .section .rodata.nb_math_font, "a"
    .balign 16
    .globl nb_math_font_woff2_start
    .hidden nb_math_font_woff2_start
nb_math_font_woff2_start:
    .incbin "nb-math.woff2"
    .globl nb_math_font_woff2_end
    .hidden nb_math_font_woff2_end
nb_math_font_woff2_end:
    .byte 0
    .section .note.GNU-stack, "", @progbits
