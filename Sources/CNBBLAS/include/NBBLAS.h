// Matrix products for NBLearning through a BLAS library loaded at run time. nb picks the library
// and the kernel family per CPU class itself (docs/engine.md, "Matrix products"), because the
// libraries' own CPU detection goes by model numbers and falls back to slow generic kernels on CPUs
// newer than the library: OpenBLAS 0.3.21 runs an Emerald Rapids Xeon (family 6, model 207) with
// its SSE3 "Prescott" kernels at a fifth of the speed of its AVX-512 ones.
#ifndef NB_BLAS_H
#define NB_BLAS_H
#include "NBKernels.h"

/// The BLAS libraries nb can load.
typedef enum NBBLASLibrary {
    NBBLASLibraryOpenBLAS = 0,
    NBBLASLibraryBLIS = 1,
} NBBLASLibrary;

/// The library nb prefers on a CPU class (`amd`: 1 for AMD and Hygon CPUs), from measurements on
/// the shapes nb runs: BLIS on AMD CPUs without AVX-512, OpenBLAS everywhere else.
NBBLASLibrary nb_blas_preferred_library(NBKernelISA isa, int amd);

/// The OpenBLAS kernel family (its OPENBLAS_CORETYPE name) nb asks for on a CPU class, or NULL to
/// leave the choice to OpenBLAS: "SkylakeX" with AVX-512, "Zen" or "Haswell" with AVX2.
const char *nb_blas_openblas_core(NBKernelISA isa, int amd);

/// The library nb loads on a CPU class: the one the environment variable NB_BLAS names
/// (`openblas` or `blis`; `*by_environment` is then 1), else the preferred one; -1 when NB_BLAS
/// names no library nb can use. Loading falls back to OpenBLAS when the preferred BLIS is missing.
int nb_blas_planned_library(NBKernelISA isa, int amd, int *by_environment);

/// The OpenBLAS kernel family that runs when OpenBLAS is loaded: OPENBLAS_CORETYPE when the user
/// set it, else nb's choice (`nb_blas_openblas_core`); NULL when OpenBLAS chooses.
const char *nb_blas_planned_openblas_core(NBKernelISA isa, int amd);

/// `cblas_sgemm` and `cblas_dgemm` (row/column order, transposes as CBLAS's integer codes).
typedef void (*NBSGEMMFunction)(int, int, int, int, int, int, float, const float *, int, const float *, int,
                                float, float *, int);
typedef void (*NBDGEMMFunction)(int, int, int, int, int, int, double, const double *, int, const double *,
                                int, double, double *, int);

/// A BLAS library opened with dlopen: its products, its thread setter and its name with the kernel
/// it runs ("OpenBLAS 0.3.21 … SkylakeX, kernel SkylakeX", "BLIS 0.9.0, kernel skx").
typedef struct NBBLASHandle {
    NBBLASLibrary library;
    NBSGEMMFunction sgemm;
    NBDGEMMFunction dgemm;
    void (*openblas_set_num_threads)(int);
    void (*bli_thread_set_num_threads)(long);
    char name[512];
} NBBLASHandle;

/// Opens `library` as the environment configures it (no choice of kernel, no change of the
/// environment): 1 on success; 0 with the reason in `failure` (when non-null). The loader below
/// and the benchmarks' direct calls both open libraries through this.
int nb_blas_open(NBBLASLibrary library, NBBLASHandle *handle, char *failure, size_t failure_size);

/// Threads `handle`'s library may use per call.
void nb_blas_handle_set_threads(const NBBLASHandle *handle, int threads);

/// C ← alpha·op(A)·op(B) + beta·C through `handle`'s library, row-major.
void nb_blas_handle_sgemm(const NBBLASHandle *handle, int transpose_a, int transpose_b, int m, int n, int k,
                          float alpha, const float *a, int lda, const float *b, int ldb, float beta, float *c,
                          int ldc);
void nb_blas_handle_dgemm(const NBBLASHandle *handle, int transpose_a, int transpose_b, int m, int n, int k,
                          double alpha, const double *a, int lda, const double *b, int ldb, double beta, double *c,
                          int ldc);

/// Loads the library once (thread-safe; later calls return the first result): 1 on success, 0 when
/// no usable library was found, with the reason in `nb_blas_description()`. The environment variable
/// NB_BLAS (`openblas` or `blis`) overrides the preferred library; OPENBLAS_CORETYPE set by the user
/// overrides the kernel family. The library computes on one thread per call.
int nb_blas_load(void);

/// The loaded library: name, version or build configuration, the kernel it runs and why it was
/// chosen; or why no library could be loaded. Loads the library if needed.
const char *nb_blas_description(void);

/// C ← alpha·op(A)·op(B) + beta·C, row-major; op transposes when `transpose_*` is non-zero.
/// Loads the library on first use and ends the process with a message if none can be loaded.
void nb_sgemm(int transpose_a, int transpose_b, int m, int n, int k, float alpha,
              const float *a, int lda, const float *b, int ldb, float beta, float *c, int ldc);
void nb_dgemm(int transpose_a, int transpose_b, int m, int n, int k, double alpha,
              const double *a, int lda, const double *b, int ldb, double beta, double *c, int ldc);

#endif
