// Mail handed to an SMTP server with libcurl: STARTTLS when the server offers it (or TLS
// from the start with smtps://), optional authentication, one connection kept between sends.
#include "mail/smtp.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>

#include "mail/errors.hpp"

namespace rempart::mail {
namespace {

struct Upload {
    std::string_view data;
    std::size_t offset = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
    auto* upload = static_cast<Upload*>(user);
    const auto room = size * count;
    const auto left = upload->data.size() - upload->offset;
    const auto n = std::min(room, left);
    std::memcpy(buffer, upload->data.data() + upload->offset, n);
    upload->offset += n;
    return n;
}

// libcurl writes MAIL FROM and RCPT TO as given: a line break in an address would let the
// text after it be read as a command of its own.
bool safe_address(std::string_view address) {
    return std::none_of(address.begin(), address.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte < 0x20 || byte == 0x7f || c == '<' || c == '>';
    });
}

void init_curl_once() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

SmtpTransport::SmtpTransport(SmtpOptions options) : options_(std::move(options)) {
    init_curl_once();
}

SmtpTransport::~SmtpTransport() {
    if (curl_) curl_easy_cleanup(static_cast<CURL*>(curl_));
}

Result<void> SmtpTransport::send(const Envelope& envelope, std::string_view message) {
    if (!safe_address(envelope.from) || !safe_address(envelope.to) || envelope.to.empty())
        return make_error(MailError::permanent,
                          "the recipient is empty, or an envelope address holds a control "
                          "character or <>");
    std::lock_guard lock(mutex_);
    if (!curl_) curl_ = curl_easy_init();
    auto* curl = static_cast<CURL*>(curl_);
    if (!curl) return make_error(MailError::transient, "libcurl could not start");
    curl_easy_reset(curl);  // keeps the open connection, forgets the last message's options

    Upload upload{message};
    char error_buffer[CURL_ERROR_SIZE] = {};
    const auto from = "<" + envelope.from + ">";
    curl_slist* recipients = curl_slist_append(nullptr, ("<" + envelope.to + ">").c_str());
    const bool implicit_tls = options_.url.starts_with("smtps://");

    curl_easy_setopt(curl, CURLOPT_URL, options_.url.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    // With a password to send, TLS is required: someone on the path who strips the
    // STARTTLS offer must not get the password in clear. Without one, STARTTLS when offered.
    const bool must_encrypt = implicit_tls || !options_.username.empty();
    curl_easy_setopt(curl, CURLOPT_USE_SSL, must_encrypt ? CURLUSESSL_ALL : CURLUSESSL_TRY);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, options_.verify_peer ? 1L : 0L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, options_.verify_peer ? 2L : 0L);
    if (!options_.username.empty()) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, options_.username.c_str());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, options_.password.c_str());
    }
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_upload);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, static_cast<long>(options_.timeout.count()));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, static_cast<long>(options_.timeout.count()));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);

    const auto code = curl_easy_perform(curl);
    long reply = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply);
    curl_slist_free_all(recipients);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, nullptr);
    if (code == CURLE_OK) return {};

    const std::string detail =
        std::string(error_buffer[0] ? error_buffer : curl_easy_strerror(code)) +
        (reply ? " (reply " + std::to_string(reply) + ")" : "");
    // The server said no for good: a mailbox that does not exist, an address refused, bad
    // credentials. Retrying would only repeat it.
    // Refused credentials are the operator's mistake, not the recipient's: kept as
    // transient, the mail waits for the fixed password instead of being given up.
    const bool permanent = reply >= 500 && reply < 600 && code != CURLE_LOGIN_DENIED;
    // Drop a connection that failed, so the next send starts clean.
    curl_easy_cleanup(curl);
    curl_ = nullptr;
    return make_error(permanent ? MailError::permanent : MailError::transient, detail);
}

}  // namespace rempart::mail
