// A browser for back-office tests: keeps cookies, posts forms, reads CSRF tokens.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "client/http_client.hpp"
#include "client/signing_client.hpp"

namespace rempart::testing {

class AdminBrowser {
  public:
    explicit AdminBrowser(std::uint16_t port) : port_(port) {}

    // Sends the kept cookies and keeps those the answer sets (Max-Age=0 removes one).
    HttpResponse get(const std::string& target, Headers headers = {});
    // Form-encoded fields, or (post_raw) the body exactly as given.
    HttpResponse post(const std::string& target, const Fields& fields, Headers headers = {});
    HttpResponse post_raw(const std::string& target, std::string body, Headers headers = {});

    // GET /admin/login, then POST it with the form's token.
    HttpResponse log_in(const std::string& email, const std::string& password,
                        const std::string& totp = "");
    // The csrf field of the page last read from `target`.
    std::string csrf_of(const std::string& target);
    // A first login with the one-time password the command line gave, through the
    // password change it leads to; the change's answer (303 when it took).
    HttpResponse first_log_in(const std::string& email, const std::string& one_time,
                              const std::string& password);

    std::map<std::string, std::string> cookies;
    Headers extra_headers = {{"Accept-Language", "en"}};

  private:
    HttpResponse keep(HttpResponse response);
    Headers with_cookies(Headers headers) const;
    std::uint16_t port_;
};

// The passphrase the tests' staff choose at their first login: long enough for the policy.
inline const std::string chosen_password = "a long and fine passphrase";

// The value="..." of the first input named `name` in `html`; empty when absent.
std::string input_value(const std::string& html, std::string_view name);
// The text after `label` up to the end of its line, trimmed: for CLI output.
std::string line_after(const std::string& text, std::string_view label);

class ServerProcess;
// `rempart user add` for `email` with `role` on the server's store: the one-time password it
// prints, or empty (the test fails) when the command did not work.
std::string add_account(ServerProcess& server, const std::string& email, const std::string& role);

}  // namespace rempart::testing
