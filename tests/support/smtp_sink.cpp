// A real SMTP server for tests (python3-aiosmtpd, tests/support/smtp_sink.py).
#include "support/smtp_sink.hpp"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <thread>

#include "support/child_process.hpp"

namespace rempart::testing {
SmtpSink::SmtpSink(SmtpSinkOptions options) {
    char pattern[] = "/tmp/rempart-smtp-sink.XXXXXX";
    if (!::mkdtemp(pattern)) return;
    folder_ = pattern;
    std::vector<std::string> args{
        "/usr/bin/python3", REMPART_SOURCE_DIR "/tests/support/smtp_sink.py", folder_.string()};
    if (!options.tls_cert.empty())
        args.insert(args.end(), {"--tls", options.tls_cert.string(), options.tls_key.string()});
    if (!options.username.empty())
        args.insert(args.end(), {"--auth", options.username, options.password});
    if (options.fail_first > 0)
        args.insert(args.end(), {"--fail-first", std::to_string(options.fail_first)});
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    const auto port_file = (folder_ / "port").string();
    int out[2];
    if (::pipe(out) != 0) return;
    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) ::_exit(127);
        ::dup2(out[1], 1);
        ::close(out[0]);
        ::close(out[1]);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ::close(out[1]);
    if (pid < 0) {
        ::close(out[0]);
        return;
    }
    pid_ = pid;
    // The sink prints its port once it listens; a line, or nothing if it failed.
    std::string line;
    char c = 0;
    while (::read(out[0], &c, 1) == 1 && c != '\n') line += c;
    ::close(out[0]);
    port_ = static_cast<std::uint16_t>(std::atoi(line.c_str()));
}

SmtpSink::~SmtpSink() {
    if (pid_ > 0) {
        ::kill(pid_, SIGTERM);
        ::waitpid(pid_, nullptr, 0);
    }
    if (!folder_.empty()) std::filesystem::remove_all(folder_);
}

std::vector<ReceivedMail> SmtpSink::wait_for(std::size_t count,
                                             std::chrono::milliseconds timeout) const {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::vector<ReceivedMail> mails;
    for (;;) {
        mails.clear();
        for (std::size_t n = 1;; ++n) {
            const auto stem = folder_ / std::to_string(n);
            if (!std::filesystem::exists(stem.string() + ".eml")) break;
            mails.push_back(
                {read_file(stem.string() + ".eml"), read_file(stem.string() + ".json")});
        }
        if (mails.size() >= count || std::chrono::steady_clock::now() >= deadline) return mails;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

std::pair<std::filesystem::path, std::filesystem::path> make_test_certificate(
    const std::filesystem::path& folder) {
    const auto cert = folder / "cert.pem";
    const auto key = folder / "key.pem";
    const auto command =
        "openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=localhost -days 1 "
        "-keyout '" +
        key.string() + "' -out '" + cert.string() + "' > /dev/null 2>&1";
    if (std::system(command.c_str()) != 0) return {};
    return {cert, key};
}

}  // namespace rempart::testing
