// How the process's heap hands freed memory back to the system: set once, at start.
#pragma once

namespace rempart {

// glibc gives the top of its heap back as soon as 128 KiB lie free there, adjusting that
// bound as it goes. Inserting signatures frees and takes back about that much again and
// again, so the heap shrank and grew each time; on a virtual machine each shrink cost a TLB
// flush on every CPU, and bench/sign's reference inserts ran at 3,500 a second instead of
// 29,000, one run in two. Keeping up to 16 MiB free at the top of the heap ends that.
// Call before any thread starts.
void keep_freed_heap_memory();

}  // namespace rempart
