// Child processes for tests: the server, its command line, and the real tools tests run
// beside it (slowhttptest and the like). Only the children a test started are signalled.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace rempart::testing {

// Starts `args` with stdout and stderr appended to `output`; args[0] is a path, or a
// program name looked up in PATH. The child dies with the test process. -1 when it could
// not be started.
pid_t spawn_child(const std::vector<std::string>& args, const std::filesystem::path& output);

// Waits for `pid` up to `timeout`: its exit code, -2 on timeout, -1 when a signal ended it.
int wait_child(pid_t pid, std::chrono::milliseconds timeout);

// Runs `args` to completion within `timeout`, past which it is killed (SIGKILL) and -1 is
// returned; otherwise its exit code.
int run_child(const std::vector<std::string>& args, const std::filesystem::path& output,
              std::chrono::milliseconds timeout);

// The whole file, or empty when it cannot be read.
std::string read_file(const std::filesystem::path& file);

}  // namespace rempart::testing
