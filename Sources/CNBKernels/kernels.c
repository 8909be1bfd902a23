// One body per kernel, instantiated for each instruction set by `target` attributes: the compiler
// vectorises each copy for its width. Contraction is off so no copy fuses a multiply and an add
// that another copy keeps separate: every copy rounds exactly like the baseline one.
#include "NBKernels.h"
#include <math.h>

#pragma clang fp contract(off)

#if defined(__x86_64__)
#define NB_AVX512 __attribute__((target("avx512f,avx512vl,avx512dq,avx2,fma")))
#define NB_AVX2 __attribute__((target("avx2,fma")))
#define NB_HAS_VARIANTS 1
#else
#define NB_HAS_VARIANTS 0
#endif
#define NB_BODY static inline __attribute__((always_inline))

// Instantiates `name_T` dispatching on the ISA to three copies of `name##_body`.
#if NB_HAS_VARIANTS
#define NB_DISPATCH(name, params, args)                                   \
    NB_AVX512 static void name##_avx512 params { name##_body args; }      \
    NB_AVX2 static void name##_avx2 params { name##_body args; }          \
    static void name##_baseline params { name##_body args; }              \
    void name(NBKernelISA isa, NB_UNPAREN params) {                      \
        switch (isa) {                                                    \
        case NBKernelISAAVX512: name##_avx512 args; return;               \
        case NBKernelISAAVX2: name##_avx2 args; return;                   \
        default: name##_baseline args; return;                            \
        }                                                                 \
    }
#else
#define NB_DISPATCH(name, params, args)                                   \
    void name(NBKernelISA isa, NB_UNPAREN params) { (void)isa; name##_body args; }
#endif
#define NB_UNPAREN(...) __VA_ARGS__

#define NB_KERNELS(T, suffix)                                                                       \
    NB_BODY void nb_relu_##suffix##_body(size_t n, const T *restrict x, T *restrict out) {          \
        for (size_t i = 0; i < n; i++) { T v = x[i]; out[i] = v < 0 ? (T)0 : v; }                      \
    }                                                                                               \
    NB_DISPATCH(nb_relu_##suffix, (size_t n, const T *restrict x, T *restrict out), (n, x, out))   \
                                                                                                    \
    NB_BODY void nb_positive_indicator_##suffix##_body(size_t n, const T *restrict x, T *restrict out) { \
        for (size_t i = 0; i < n; i++) out[i] = x[i] > 0 ? (T)1 : (T)0;                             \
    }                                                                                               \
    NB_DISPATCH(nb_positive_indicator_##suffix, (size_t n, const T *restrict x, T *restrict out), (n, x, out)) \
                                                                                                    \
    NB_BODY void nb_gate_by_positive_##suffix##_body(size_t n, const T *g, const T *y, T *out) {   \
        for (size_t i = 0; i < n; i++) out[i] = y[i] > 0 ? g[i] : (T)0;                             \
    }                                                                                               \
    NB_DISPATCH(nb_gate_by_positive_##suffix, (size_t n, const T *g, const T *y, T *out), (n, g, y, out)) \
                                                                                                    \
    NB_BODY void nb_sgd_##suffix##_body(size_t n, T *restrict p, const T *restrict g, T *restrict v, \
                                         T lr, T mu, T wd) {                                        \
        if (v) {                                                                                    \
            for (size_t i = 0; i < n; i++) {                                                        \
                T d = mu * v[i] + g[i] + wd * p[i];                                                 \
                v[i] = d;                                                                           \
                p[i] -= lr * d;                                                                     \
            }                                                                                       \
        } else if (wd == 0) {                                                                       \
            for (size_t i = 0; i < n; i++) p[i] -= lr * g[i];                                       \
        } else {                                                                                    \
            for (size_t i = 0; i < n; i++) p[i] -= lr * (g[i] + wd * p[i]);                         \
        }                                                                                           \
    }                                                                                               \
    NB_DISPATCH(nb_sgd_##suffix, (size_t n, T *restrict p, const T *restrict g, T *restrict v, T lr, T mu, T wd), \
                (n, p, g, v, lr, mu, wd))                                                           \
                                                                                                    \
    NB_BODY void nb_adam_##suffix##_body(size_t n, T *restrict p, const T *restrict g, T *restrict m, \
                                          T *restrict v, T b1, T b2, T wd, T step, T scale, T eps) { \
        for (size_t i = 0; i < n; i++) {                                                            \
            T grad = g[i] + wd * p[i];                                                              \
            T mi = b1 * m[i] + (1 - b1) * grad;                                                     \
            T vi = b2 * v[i] + (1 - b2) * grad * grad;                                              \
            m[i] = mi;                                                                              \
            v[i] = vi;                                                                              \
            p[i] -= step * mi / (__builtin_elementwise_sqrt(vi) * scale + eps);                      \
        }                                                                                           \
    }                                                                                               \
    NB_DISPATCH(nb_adam_##suffix, (size_t n, T *restrict p, const T *restrict g, T *restrict m, T *restrict v, \
                                   T b1, T b2, T wd, T step, T scale, T eps),                       \
                (n, p, g, m, v, b1, b2, wd, step, scale, eps))

// Adam's square root is __builtin_elementwise_sqrt, not sqrtf: with errno semantics (the C
// default) sqrtf keeps a scalar call for negative inputs, which stops the loop from vectorising.
// Both are the correctly rounded IEEE square root, so the results are the same.
NB_KERNELS(float, f32)
NB_KERNELS(double, f64)
