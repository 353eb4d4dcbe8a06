// Names the calling thread for the system's tools.
#include "core/thread_name.hpp"

#include <pthread.h>

#include <algorithm>
#include <cstring>
#include <string>

namespace rempart {

void name_this_thread(const char* name) {
    const std::string kept(name, std::min<std::size_t>(std::strlen(name), 15));
    (void)::pthread_setname_np(::pthread_self(), kept.c_str());
}

}  // namespace rempart
