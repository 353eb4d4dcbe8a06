// Child processes for tests: started with nothing of the test's own sockets, and waited for
// with a bound.
#include "support/child_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

namespace rempart::testing {
namespace {

using namespace std::chrono_literals;

// A program name looked up in PATH, before fork: the child may not allocate.
std::string resolve(const std::string& program) {
    if (program.find('/') != std::string::npos) return program;
    const char* path = std::getenv("PATH");
    std::istringstream dirs(path ? path : "/usr/bin:/bin");
    for (std::string dir; std::getline(dirs, dir, ':');) {
        const auto candidate = std::filesystem::path(dir) / program;
        if (::access(candidate.c_str(), X_OK) == 0) return candidate.string();
    }
    return program;
}

}  // namespace

// Starts `args` with stdout and stderr appended to `output`. Everything the child needs is
// prepared before fork: the test process has threads, so the child may only make system
// calls until exec.
pid_t spawn_child(const std::vector<std::string>& args, const std::filesystem::path& output) {
    if (args.empty()) return -1;
    const auto program = resolve(args[0]);
    std::vector<char*> argv;
    for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    const std::string output_path = output.string();
    const pid_t parent = ::getpid();
    rlimit files{};
    ::getrlimit(RLIMIT_NOFILE, &files);
    const int max_fd = files.rlim_cur == RLIM_INFINITY || files.rlim_cur > 65536
                           ? 65536
                           : static_cast<int>(files.rlim_cur);

    const pid_t pid = ::fork();
    if (pid != 0) return pid;
    // A test run killed midway must not leave a server holding its port.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(127);
    const int out = ::open(output_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    const int null = ::open("/dev/null", O_RDONLY);
    if (out < 0 || null < 0) ::_exit(127);
    ::dup2(null, 0);
    ::dup2(out, 1);
    ::dup2(out, 2);
    // The test's own sockets must not live on in the server: a connection the test closes
    // has to close for the server too.
    if (::syscall(SYS_close_range, 3u, ~0u, 0u) != 0)
        for (int fd = 3; fd < max_fd; ++fd) ::close(fd);
    ::execv(program.c_str(), argv.data());
    ::_exit(127);
}

// Waits for `pid` up to `timeout`; the exit code, or -2 on timeout, -1 when killed by a signal.
int wait_child(pid_t pid, std::chrono::milliseconds timeout) {
    if (pid <= 0) return -1;  // never waitpid(-1): it would reap another test's child
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        int status = 0;
        const pid_t done = ::waitpid(pid, &status, WNOHANG);
        if (done == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        if (done < 0) return -1;
        if (std::chrono::steady_clock::now() >= deadline) return -2;
        std::this_thread::sleep_for(10ms);
    }
}

int run_child(const std::vector<std::string>& args, const std::filesystem::path& output,
              std::chrono::milliseconds timeout) {
    const pid_t pid = spawn_child(args, output);
    if (pid < 0) return -1;
    int code = wait_child(pid, timeout);
    if (code == -2) {
        ::kill(pid, SIGKILL);
        wait_child(pid, 5s);
        code = -1;
    }
    return code;
}

std::string read_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace rempart::testing
