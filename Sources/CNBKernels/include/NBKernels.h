// Elementwise kernels of NBLearning, compiled for three instruction sets (baseline x86-64, AVX2
// with FMA, AVX-512) from one C source; the caller picks one at run time with `nb_kernels_isa()`.
// Every variant performs the same operations in the same order with floating-point contraction
// off, so results are bit-identical whichever runs (docs/engine.md).
#ifndef NB_KERNELS_H
#define NB_KERNELS_H
#include <stddef.h>

/// The instruction sets a kernel can be run with.
typedef enum NBKernelISA {
    NBKernelISABaseline = 0,
    NBKernelISAAVX2 = 1,
    NBKernelISAAVX512 = 2,
} NBKernelISA;

/// The widest instruction set this CPU and operating system support (CPUID and XGETBV).
NBKernelISA nb_kernels_isa(void);

/// 1 when the CPU is AMD's (or Hygon's, which are Zen cores), else 0 (CPUID leaf 0).
int nb_cpu_is_amd(void);

/// out[i] = x[i] < 0 ? 0 : x[i]  — relu (nan and −0 pass through).
void nb_relu_f32(NBKernelISA isa, size_t n, const float *x, float *out);
void nb_relu_f64(NBKernelISA isa, size_t n, const double *x, double *out);

/// out[i] = x[i] > 0 ? 1 : 0  — the derivative of relu.
void nb_positive_indicator_f32(NBKernelISA isa, size_t n, const float *x, float *out);
void nb_positive_indicator_f64(NBKernelISA isa, size_t n, const double *x, double *out);

/// out[i] = y[i] > 0 ? g[i] : 0  — a gradient passed back through relu.
void nb_gate_by_positive_f32(NBKernelISA isa, size_t n, const float *g, const float *y, float *out);
void nb_gate_by_positive_f64(NBKernelISA isa, size_t n, const double *g, const double *y, double *out);

/// Plain SGD: p[i] -= lr * (g[i] + wd * p[i]); with momentum (v non-null):
/// d = mu * v[i] + g[i] + wd * p[i]; v[i] = d; p[i] -= lr * d.
void nb_sgd_f32(NBKernelISA isa, size_t n, float *p, const float *g, float *v, float lr, float mu, float wd);
void nb_sgd_f64(NBKernelISA isa, size_t n, double *p, const double *g, double *v, double lr, double mu, double wd);

/// Adam (with L2 weight decay folded into the gradient):
/// grad = g + wd·p; m = b1·m + (1−b1)·grad; v = b2·v + (1−b2)·grad·grad;
/// p -= step · m / (sqrt(v) · second_scale + eps).
void nb_adam_f32(NBKernelISA isa, size_t n, float *p, const float *g, float *m, float *v,
                 float b1, float b2, float wd, float step, float second_scale, float eps);
void nb_adam_f64(NBKernelISA isa, size_t n, double *p, const double *g, double *m, double *v,
                 double b1, double b2, double wd, double step, double second_scale, double eps);

#endif
