#include "NBMathFont.h"

extern const unsigned char nb_math_font_woff2_start[];
extern const unsigned char nb_math_font_woff2_end[];

const unsigned char *nb_math_font_woff2_bytes(void) {
    return nb_math_font_woff2_start;
}

unsigned long nb_math_font_woff2_count(void) {
    return (unsigned long)(nb_math_font_woff2_end - nb_math_font_woff2_start);
}
