// The files compiled into the binary: giving back the pages of data read once.
#include "core/embedded.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>

namespace rempart::embedded {

void release(std::string_view bytes) {
    const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    const auto begin = reinterpret_cast<std::uintptr_t>(bytes.data());
    // Whole pages inside the data only: a neighbour's bytes keep their pages.
    const auto first = (begin + page - 1) / page * page;
    const auto last = (begin + bytes.size()) / page * page;
    if (last <= first) return;
    // Read-only pages of the file's mapping: dropping them loses nothing, a later read
    // brings them back from the binary.
    ::madvise(reinterpret_cast<void*>(first), last - first, MADV_DONTNEED);
}

}  // namespace rempart::embedded
