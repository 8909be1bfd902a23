// Loads OpenBLAS or BLIS with dlopen, after choosing the library and the kernel family from the
// CPU's instruction sets. Loading at run time is what makes the kernel choice possible: OpenBLAS
// reads OPENBLAS_CORETYPE in its library constructor, which for a linked library runs before main.
//
// The loaded functions are written once, under pthread_once, and only read afterwards.
#include "NBBLAS.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { CblasRowMajor = 101, CblasNoTrans = 111, CblasTrans = 112 };

typedef void (*sgemm_function)(int, int, int, int, int, int, float, const float *, int, const float *, int,
                               float, float *, int);
typedef void (*dgemm_function)(int, int, int, int, int, int, double, const double *, int, const double *,
                               int, double, double *, int);

struct loaded_blas {
    int ok;
    NBBLASLibrary library;
    sgemm_function sgemm;
    dgemm_function dgemm;
    void (*openblas_set_num_threads)(int);
    void (*bli_thread_set_num_threads)(long);
    char description[768];
    char failure[512];
};

static struct loaded_blas loaded;
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

NBBLASLibrary nb_blas_preferred_library(NBKernelISA isa, int amd) {
    return (amd && isa == NBKernelISAAVX2) ? NBBLASLibraryBLIS : NBBLASLibraryOpenBLAS;
}

const char *nb_blas_openblas_core(NBKernelISA isa, int amd) {
    switch (isa) {
    case NBKernelISAAVX512: return "SkylakeX";
    case NBKernelISAAVX2: return amd ? "Zen" : "Haswell";
    default: return NULL;
    }
}

static void *open_first(const char *const *names) {
    for (; *names; names++) {
        void *handle = dlopen(*names, RTLD_NOW | RTLD_LOCAL);
        if (handle) return handle;
    }
    return NULL;
}

static const char *isa_name(NBKernelISA isa) {
    switch (isa) {
    case NBKernelISAAVX512: return "AVX-512";
    case NBKernelISAAVX2: return "AVX2";
    default: return "baseline x86-64";
    }
}

static int load_openblas(NBKernelISA isa, int amd, const char *why) {
    static const char *const names[] = {"libopenblas.so.0", "libopenblas.so", NULL};
    const char *core = nb_blas_openblas_core(isa, amd);
    const char *user_core = getenv("OPENBLAS_CORETYPE");
    const char *user_threads = getenv("OPENBLAS_NUM_THREADS");
    // Set only for the constructor that runs inside dlopen, so child processes do not inherit
    // them. One thread: nb calls the library single-threaded, and a pool started at load spins.
    int set_core = core && !(user_core && *user_core);
    int set_threads = !(user_threads && *user_threads);
    if (set_core) setenv("OPENBLAS_CORETYPE", core, 1);
    if (set_threads) setenv("OPENBLAS_NUM_THREADS", "1", 1);
    void *handle = open_first(names);
    if (set_core) unsetenv("OPENBLAS_CORETYPE");
    if (set_threads) unsetenv("OPENBLAS_NUM_THREADS");
    if (!handle) {
        snprintf(loaded.failure, sizeof loaded.failure,
                 "cannot load OpenBLAS (libopenblas.so.0): %s; install it with `apt-get install libopenblas0`",
                 dlerror());
        return 0;
    }
    loaded.sgemm = (sgemm_function)dlsym(handle, "cblas_sgemm");
    loaded.dgemm = (dgemm_function)dlsym(handle, "cblas_dgemm");
    loaded.openblas_set_num_threads = (void (*)(int))dlsym(handle, "openblas_set_num_threads");
    char *(*config)(void) = (char *(*)(void))dlsym(handle, "openblas_get_config");
    char *(*corename)(void) = (char *(*)(void))dlsym(handle, "openblas_get_corename");
    if (!loaded.sgemm || !loaded.dgemm || !loaded.openblas_set_num_threads) {
        snprintf(loaded.failure, sizeof loaded.failure, "the loaded OpenBLAS lacks cblas_sgemm or cblas_dgemm");
        return 0;
    }
    loaded.library = NBBLASLibraryOpenBLAS;
    loaded.openblas_set_num_threads(1);
    const char *reason = set_core ? "kernel chosen by nb for " : (user_core && *user_core) ? "kernel set by OPENBLAS_CORETYPE on " : "kernel chosen by OpenBLAS on ";
    snprintf(loaded.description, sizeof loaded.description, "%s, kernel %s (%s%s%s)",
             config ? config() : "OpenBLAS", corename ? corename() : "?", reason, isa_name(isa), why);
    return 1;
}

static int load_blis(NBKernelISA isa, const char *why) {
    static const char *const names[] = {"libblis.so.4", "libblis.so", NULL};
    void *handle = open_first(names);
    if (!handle) {
        snprintf(loaded.failure, sizeof loaded.failure, "cannot load BLIS (libblis.so.4): %s", dlerror());
        return 0;
    }
    loaded.sgemm = (sgemm_function)dlsym(handle, "cblas_sgemm");
    loaded.dgemm = (dgemm_function)dlsym(handle, "cblas_dgemm");
    loaded.bli_thread_set_num_threads = (void (*)(long))dlsym(handle, "bli_thread_set_num_threads");
    char *(*version)(void) = (char *(*)(void))dlsym(handle, "bli_info_get_version_str");
    int (*arch_id)(void) = (int (*)(void))dlsym(handle, "bli_arch_query_id");
    char *(*arch_name)(int) = (char *(*)(int))dlsym(handle, "bli_arch_string");
    if (!loaded.sgemm || !loaded.dgemm || !loaded.bli_thread_set_num_threads) {
        snprintf(loaded.failure, sizeof loaded.failure, "the loaded BLIS lacks its CBLAS interface");
        return 0;
    }
    loaded.library = NBBLASLibraryBLIS;
    loaded.bli_thread_set_num_threads(1);
    snprintf(loaded.description, sizeof loaded.description, "BLIS %s, kernel %s (chosen by BLIS on %s%s)",
             version ? version() : "?", (arch_id && arch_name) ? arch_name(arch_id()) : "?", isa_name(isa), why);
    return 1;
}

static void load(void) {
    NBKernelISA isa = nb_kernels_isa();
    int amd = nb_cpu_is_amd();
    const char *requested = getenv("NB_BLAS");
    if (requested && *requested) {
        if (strcmp(requested, "openblas") == 0) loaded.ok = load_openblas(isa, amd, "; library set by NB_BLAS");
        else if (strcmp(requested, "blis") == 0) loaded.ok = load_blis(isa, "; library set by NB_BLAS");
        else snprintf(loaded.failure, sizeof loaded.failure,
                      "NB_BLAS=%s is not a BLAS library nb can use; use `openblas` or `blis`", requested);
        return;
    }
    if (nb_blas_preferred_library(isa, amd) == NBBLASLibraryBLIS) {
        loaded.ok = load_blis(isa, "");
        if (loaded.ok) return;
        loaded.ok = load_openblas(isa, amd, "; BLIS, preferred on this CPU class, is not installed");
        return;
    }
    loaded.ok = load_openblas(isa, amd, "");
}

int nb_blas_load(void) {
    pthread_once(&load_once, load);
    return loaded.ok;
}

const char *nb_blas_failure(void) {
    nb_blas_load();
    return loaded.failure;
}

const char *nb_blas_description(void) {
    return nb_blas_load() ? loaded.description : loaded.failure;
}

static void require_blas(void) {
    if (nb_blas_load()) return;
    fprintf(stderr, "nb: %s\n", loaded.failure);
    exit(70);
}

void nb_blas_set_threads(int threads) {
    require_blas();
    if (loaded.library == NBBLASLibraryBLIS) loaded.bli_thread_set_num_threads(threads);
    else loaded.openblas_set_num_threads(threads);
}

void nb_sgemm(int transpose_a, int transpose_b, int m, int n, int k, float alpha,
              const float *a, int lda, const float *b, int ldb, float beta, float *c, int ldc) {
    require_blas();
    loaded.sgemm(CblasRowMajor, transpose_a ? CblasTrans : CblasNoTrans, transpose_b ? CblasTrans : CblasNoTrans,
                 m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

void nb_dgemm(int transpose_a, int transpose_b, int m, int n, int k, double alpha,
              const double *a, int lda, const double *b, int ldb, double beta, double *c, int ldc) {
    require_blas();
    loaded.dgemm(CblasRowMajor, transpose_a ? CblasTrans : CblasNoTrans, transpose_b ? CblasTrans : CblasNoTrans,
                 m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}
