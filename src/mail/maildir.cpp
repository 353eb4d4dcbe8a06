// Mail written to a Maildir folder (one file per message in new/): the default transport,
// for `make run`, tests, and hosts that hand mail to a local MTA that way.
#include "mail/maildir.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

#include "mail/errors.hpp"

namespace rempart::mail {
namespace {

Error transient(const std::string& what) {
    return make_error(MailError::transient, what + ": " + std::strerror(errno));
}

bool sync_folder(const std::filesystem::path& folder) {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return false;
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    return synced;
}

}  // namespace

MaildirTransport::MaildirTransport(std::filesystem::path folder) : folder_(std::move(folder)) {
    char host[256] = {};
    ::gethostname(host, sizeof host - 1);
    // '/' and ':' have meanings in Maildir names.
    for (char* c = host; *c; ++c)
        if (*c == '/' || *c == ':') *c = '_';
    host_ = host[0] ? host : "localhost";
}

Result<std::unique_ptr<MaildirTransport>> MaildirTransport::open(
    const std::filesystem::path& folder) {
    for (const char* sub : {"tmp", "new", "cur"}) {
        std::error_code ec;
        std::filesystem::create_directories(folder / sub, ec);
        if (ec || !std::filesystem::is_directory(folder / sub))
            return make_error(MailError::maildir, "cannot make the Maildir folder " +
                                                      (folder / sub).string() + ": " +
                                                      (ec ? ec.message() : "not a folder"));
    }
    return std::unique_ptr<MaildirTransport>(new MaildirTransport(folder));
}

std::string MaildirTransport::unique_name() {
    using namespace std::chrono;
    const auto now = duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
    return std::to_string(now / 1000000) + ".M" + std::to_string(now % 1000000) + "P" +
           std::to_string(::getpid()) + "Q" + std::to_string(++counter_) + "." + host_;
}

Result<void> MaildirTransport::send(const Envelope&, std::string_view message) {
    const auto name = unique_name();
    const auto temporary = folder_ / "tmp" / name;
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return transient("cannot create " + temporary.string());
    std::size_t written = 0;
    while (written < message.size()) {
        const auto n = ::write(fd, message.data() + written, message.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            auto error = transient("cannot write " + temporary.string());
            ::close(fd);
            ::unlink(temporary.c_str());
            return error;
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) {
        auto error = transient("cannot sync " + temporary.string());
        ::close(fd);
        ::unlink(temporary.c_str());
        return error;
    }
    ::close(fd);
    const auto delivered = folder_ / "new" / name;
    if (::rename(temporary.c_str(), delivered.c_str()) != 0) {
        auto error = transient("cannot move the message into " + (folder_ / "new").string());
        ::unlink(temporary.c_str());
        return error;
    }
    if (!sync_folder(folder_ / "new")) return transient("cannot sync " + (folder_ / "new").string());
    return {};
}

}  // namespace rempart::mail
