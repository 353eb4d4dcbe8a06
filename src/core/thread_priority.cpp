// Background threads that must give way to the ones answering requests.
#include "core/thread_priority.hpp"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace rempart {

bool lower_this_thread_priority(int nice) {
    const auto thread = static_cast<id_t>(::syscall(SYS_gettid));
    return ::setpriority(PRIO_PROCESS, thread, nice) == 0;
}

}  // namespace rempart
