// Background threads that must give way to the ones answering requests.
#pragma once

namespace rempart {

// Lowers the calling thread's scheduling priority to `nice` (0 to 19; Linux keeps a nice
// value per thread). Under full load the scheduler then gives it a small share of a core
// (nice 10: about a tenth of a nice-0 thread's), and all it asks for when the machine is
// idle. False when the system refused; the thread then runs as before.
bool lower_this_thread_priority(int nice);

}  // namespace rempart
