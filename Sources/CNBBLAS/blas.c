// Loads OpenBLAS or BLIS with dlopen, after choosing the library and the kernel family from the
// CPU's instruction sets. Loading at run time is what makes the kernel choice possible: OpenBLAS
// reads OPENBLAS_CORETYPE in its library constructor, which for a linked library runs before main.
//
// The loaded functions are written once, under pthread_once, and only read afterwards. Loading
// sets OPENBLAS_* variables for the moment of dlopen; a thread calling getenv at that moment races
// with it (glibc), so nb's own reader of OPENBLAS_NUM_THREADS (ComputeThreads) reads it first.
#include "NBBLAS.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { CblasRowMajor = 101, CblasNoTrans = 111, CblasTrans = 112 };

struct loaded_blas {
    int ok;
    NBBLASHandle blas;
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

int nb_blas_planned_library(NBKernelISA isa, int amd, int *by_environment) {
    const char *requested = getenv("NB_BLAS");
    *by_environment = requested && *requested;
    if (!*by_environment) return nb_blas_preferred_library(isa, amd);
    if (strcmp(requested, "openblas") == 0) return NBBLASLibraryOpenBLAS;
    if (strcmp(requested, "blis") == 0) return NBBLASLibraryBLIS;
    return -1;
}

const char *nb_blas_planned_openblas_core(NBKernelISA isa, int amd) {
    const char *user_core = getenv("OPENBLAS_CORETYPE");
    return (user_core && *user_core) ? user_core : nb_blas_openblas_core(isa, amd);
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

int nb_blas_open(NBBLASLibrary library, NBBLASHandle *handle, char *failure, size_t failure_size) {
    static const char *const openblas[] = {"libopenblas.so.0", "libopenblas.so", NULL};
    static const char *const blis[] = {"libblis.so.4", "libblis.so", NULL};
    int is_blis = library == NBBLASLibraryBLIS;
    const char *label = is_blis ? "BLIS (libblis.so.4)" : "OpenBLAS (libopenblas.so.0)";
    memset(handle, 0, sizeof *handle);
    void *opened = open_first(is_blis ? blis : openblas);
    if (!opened) {
        if (failure) snprintf(failure, failure_size, "cannot load %s: %s%s", label, dlerror(),
                              is_blis ? "" : "; install it with `apt-get install libopenblas0`");
        return 0;
    }
    handle->library = library;
    handle->sgemm = (NBSGEMMFunction)dlsym(opened, "cblas_sgemm");
    handle->dgemm = (NBDGEMMFunction)dlsym(opened, "cblas_dgemm");
    int has_threads;
    if (is_blis) {
        handle->bli_thread_set_num_threads = (void (*)(long))dlsym(opened, "bli_thread_set_num_threads");
        has_threads = handle->bli_thread_set_num_threads != NULL;
        char *(*version)(void) = (char *(*)(void))dlsym(opened, "bli_info_get_version_str");
        int (*arch_id)(void) = (int (*)(void))dlsym(opened, "bli_arch_query_id");
        char *(*arch_name)(int) = (char *(*)(int))dlsym(opened, "bli_arch_string");
        snprintf(handle->name, sizeof handle->name, "BLIS %s, kernel %s", version ? version() : "?",
                 (arch_id && arch_name) ? arch_name(arch_id()) : "?");
    } else {
        handle->openblas_set_num_threads = (void (*)(int))dlsym(opened, "openblas_set_num_threads");
        has_threads = handle->openblas_set_num_threads != NULL;
        char *(*config)(void) = (char *(*)(void))dlsym(opened, "openblas_get_config");
        char *(*corename)(void) = (char *(*)(void))dlsym(opened, "openblas_get_corename");
        snprintf(handle->name, sizeof handle->name, "%s, kernel %s", config ? config() : "OpenBLAS",
                 corename ? corename() : "?");
    }
    if (!handle->sgemm || !handle->dgemm || !has_threads) {
        if (failure) snprintf(failure, failure_size, "the loaded %s lacks %s", label,
                              !handle->sgemm ? "cblas_sgemm" : !handle->dgemm ? "cblas_dgemm" : "its thread setter");
        return 0;
    }
    return 1;
}

void nb_blas_handle_set_threads(const NBBLASHandle *handle, int threads) {
    if (handle->library == NBBLASLibraryBLIS) handle->bli_thread_set_num_threads(threads);
    else handle->openblas_set_num_threads(threads);
}

void nb_blas_handle_sgemm(const NBBLASHandle *handle, int transpose_a, int transpose_b, int m, int n, int k,
                          float alpha, const float *a, int lda, const float *b, int ldb, float beta, float *c,
                          int ldc) {
    handle->sgemm(CblasRowMajor, transpose_a ? CblasTrans : CblasNoTrans, transpose_b ? CblasTrans : CblasNoTrans,
                  m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

void nb_blas_handle_dgemm(const NBBLASHandle *handle, int transpose_a, int transpose_b, int m, int n, int k,
                          double alpha, const double *a, int lda, const double *b, int ldb, double beta, double *c,
                          int ldc) {
    handle->dgemm(CblasRowMajor, transpose_a ? CblasTrans : CblasNoTrans, transpose_b ? CblasTrans : CblasNoTrans,
                  m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

/// Opens `library` for nb's products (one thread per call) and describes it with `reason`.
static int load_library(NBBLASLibrary library, const char *reason, NBKernelISA isa, const char *why) {
    if (!nb_blas_open(library, &loaded.blas, loaded.failure, sizeof loaded.failure)) return 0;
    nb_blas_handle_set_threads(&loaded.blas, 1);
    snprintf(loaded.description, sizeof loaded.description, "%s (%s%s%s)", loaded.blas.name, reason,
             isa_name(isa), why);
    return 1;
}

static int load_openblas(NBKernelISA isa, int amd, const char *why) {
    const char *user_core = getenv("OPENBLAS_CORETYPE");
    int user_set_core = user_core && *user_core;
    const char *core = nb_blas_planned_openblas_core(isa, amd);
    const char *user_threads = getenv("OPENBLAS_NUM_THREADS");
    // Set only for the constructor that runs inside dlopen, so child processes do not inherit
    // them. One thread: nb calls the library single-threaded, and a pool started at load spins.
    int set_core = core && !user_set_core;
    int set_threads = !(user_threads && *user_threads);
    if (set_core) setenv("OPENBLAS_CORETYPE", core, 1);
    if (set_threads) setenv("OPENBLAS_NUM_THREADS", "1", 1);
    const char *reason = set_core ? "kernel chosen by nb for "
        : user_set_core ? "kernel set by OPENBLAS_CORETYPE on " : "kernel chosen by OpenBLAS on ";
    int ok = load_library(NBBLASLibraryOpenBLAS, reason, isa, why);
    if (set_core) unsetenv("OPENBLAS_CORETYPE");
    if (set_threads) unsetenv("OPENBLAS_NUM_THREADS");
    return ok;
}

static void load(void) {
    NBKernelISA isa = nb_kernels_isa();
    int amd = nb_cpu_is_amd();
    int by_environment = 0;
    int library = nb_blas_planned_library(isa, amd, &by_environment);
    if (library < 0) {
        snprintf(loaded.failure, sizeof loaded.failure,
                 "NB_BLAS=%s is not a BLAS library nb can use; use `openblas` or `blis`", getenv("NB_BLAS"));
        return;
    }
    const char *why = by_environment ? "; library set by NB_BLAS" : "";
    if (library == NBBLASLibraryBLIS) {
        loaded.ok = load_library(NBBLASLibraryBLIS, "chosen by BLIS on ", isa, why);
        if (loaded.ok || by_environment) return;
        loaded.ok = load_openblas(isa, amd, "; BLIS, preferred on this CPU class, is not installed");
        return;
    }
    loaded.ok = load_openblas(isa, amd, why);
}

int nb_blas_load(void) {
    pthread_once(&load_once, load);
    return loaded.ok;
}

const char *nb_blas_description(void) {
    return nb_blas_load() ? loaded.description : loaded.failure;
}

static void require_blas(void) {
    if (nb_blas_load()) return;
    fprintf(stderr, "nb: %s\n", loaded.failure);
    exit(70);
}

void nb_sgemm(int transpose_a, int transpose_b, int m, int n, int k, float alpha,
              const float *a, int lda, const float *b, int ldb, float beta, float *c, int ldc) {
    require_blas();
    nb_blas_handle_sgemm(&loaded.blas, transpose_a, transpose_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

void nb_dgemm(int transpose_a, int transpose_b, int m, int n, int k, double alpha,
              const double *a, int lda, const double *b, int ldb, double beta, double *c, int ldc) {
    require_blas();
    nb_blas_handle_dgemm(&loaded.blas, transpose_a, transpose_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}
