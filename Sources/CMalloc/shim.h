// glibc's allocator controls (mallopt), for AllocatorTuning.
#include <malloc.h>
