// Which instruction set the kernels may use: CPUID says what the CPU has, XGETBV whether the
// operating system saves the wider registers on a context switch.
#include "NBKernels.h"

#if defined(__x86_64__)
#include <cpuid.h>

static unsigned long long nb_xgetbv(void) {
    unsigned int eax, edx;
    __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
    return ((unsigned long long)edx << 32) | eax;
}

NBKernelISA nb_kernels_isa(void) {
    unsigned int a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return NBKernelISABaseline;
    int osxsave = (c >> 27) & 1, avx = (c >> 28) & 1, fma = (c >> 12) & 1;
    if (!osxsave || !avx || !fma) return NBKernelISABaseline;
    unsigned long long xcr0 = nb_xgetbv();
    if ((xcr0 & 0x6) != 0x6) return NBKernelISABaseline; // XMM and YMM state
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return NBKernelISABaseline;
    int avx2 = (b >> 5) & 1;
    int avx512f = (b >> 16) & 1, avx512dq = (b >> 17) & 1, avx512vl = (b >> 31) & 1;
    if (avx512f && avx512dq && avx512vl && (xcr0 & 0xe6) == 0xe6) return NBKernelISAAVX512;
    return avx2 ? NBKernelISAAVX2 : NBKernelISABaseline;
}

int nb_cpu_is_amd(void) {
    unsigned int a, b, c, d;
    if (!__get_cpuid(0, &a, &b, &c, &d)) return 0;
    // The vendor string is EBX, EDX, ECX: "AuthenticAMD", or "HygonGenuine" for Hygon's Zen cores.
    return (b == 0x68747541 && d == 0x69746e65 && c == 0x444d4163)
        || (b == 0x6f677948 && d == 0x6e65476e && c == 0x656e6975);
}
#else
NBKernelISA nb_kernels_isa(void) { return NBKernelISABaseline; }
int nb_cpu_is_amd(void) { return 0; }
#endif
