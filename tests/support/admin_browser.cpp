// A browser for back-office tests: keeps cookies, posts forms, reads CSRF tokens.
#include "support/admin_browser.hpp"

#include <gtest/gtest.h>

#include <cctype>

#include "support/server_process.hpp"

namespace rempart::testing {

std::string input_value(const std::string& html, std::string_view name) {
    const auto at = html.find("name=\"" + std::string(name) + "\"");
    if (at == std::string::npos) return {};
    const auto value = html.find("value=\"", at);
    if (value == std::string::npos) return {};
    const auto end = html.find('"', value + 7);
    return html.substr(value + 7, end - value - 7);
}

std::string line_after(const std::string& text, std::string_view label) {
    const auto at = text.find(label);
    if (at == std::string::npos) return {};
    const auto start = at + label.size();
    auto line = text.substr(start, text.find('\n', start) - start);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.front())))
        line.erase(0, 1);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
    return line;
}

std::string add_account(ServerProcess& server, const std::string& email, const std::string& role) {
    std::string output;
    const auto status = server.run_cli({"user", "add", "--email", email, "--role", role}, &output);
    EXPECT_EQ(status, 0) << output;
    const auto once = line_after(output, "One-time password:");
    EXPECT_FALSE(once.empty()) << output;
    return once;
}

HttpResponse AdminBrowser::first_log_in(const std::string& email, const std::string& one_time,
                                        const std::string& password) {
    if (const auto answer = log_in(email, one_time); answer.header("location") != "/admin/password")
        return answer;
    return post("/admin/password", {{"csrf", csrf_of("/admin/password")},
                                    {"current", one_time},
                                    {"new", password},
                                    {"confirm", password}});
}

Headers AdminBrowser::with_cookies(Headers headers) const {
    for (const auto& header : extra_headers) headers.push_back(header);
    std::string cookie;
    for (const auto& [name, value] : cookies) {
        if (!cookie.empty()) cookie += "; ";
        cookie += name + "=" + value;
    }
    if (!cookie.empty()) headers.emplace_back("Cookie", cookie);
    return headers;
}

HttpResponse AdminBrowser::keep(HttpResponse response) {
    // Repeated Set-Cookie headers arrive joined by ", "; ours hold no comma of their own.
    std::string all = response.header("set-cookie");
    std::size_t start = 0;
    while (start < all.size()) {
        auto end = all.find(", ", start);
        if (end == std::string::npos) end = all.size();
        const auto cookie = all.substr(start, end - start);
        start = end + 2;
        const auto eq = cookie.find('=');
        const auto semicolon = cookie.find(';');
        if (eq == std::string::npos) continue;
        const auto name = cookie.substr(0, eq);
        const auto value = cookie.substr(eq + 1, semicolon - eq - 1);
        if (cookie.find("Max-Age=0") != std::string::npos)
            cookies.erase(name);
        else
            cookies[name] = value;
    }
    return response;
}

HttpResponse AdminBrowser::get(const std::string& target, Headers headers) {
    return keep(http_get(port_, target, with_cookies(std::move(headers))));
}

HttpResponse AdminBrowser::post(const std::string& target, const Fields& fields, Headers headers) {
    return post_raw(target, form_encode(fields), std::move(headers));
}

HttpResponse AdminBrowser::post_raw(const std::string& target, std::string body, Headers headers) {
    headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
    return keep(
        http_request(port_, "POST", target, std::move(body), with_cookies(std::move(headers))));
}

std::string AdminBrowser::csrf_of(const std::string& target) {
    return input_value(get(target).body, "csrf");
}

HttpResponse AdminBrowser::log_in(const std::string& email, const std::string& password,
                                  const std::string& totp) {
    const auto csrf = csrf_of("/admin/login");
    return post("/admin/login",
                {{"csrf", csrf}, {"email", email}, {"password", password}, {"totp", totp}});
}

}  // namespace rempart::testing
