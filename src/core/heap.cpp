// How the process's heap hands freed memory back to the system.
#include "core/heap.hpp"

#include <malloc.h>

namespace rempart {

void keep_freed_heap_memory() {
    constexpr int trim_threshold = 16 * 1024 * 1024;
    (void)::mallopt(M_TRIM_THRESHOLD, trim_threshold);
}

}  // namespace rempart
