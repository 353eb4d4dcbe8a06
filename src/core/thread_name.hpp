// Names the calling thread, so that `top -H`, `ps -L` and a profile say which part is busy.
#pragma once

namespace rempart {

// At most 15 characters are kept (the kernel's limit).
void name_this_thread(const char* name);

}  // namespace rempart
