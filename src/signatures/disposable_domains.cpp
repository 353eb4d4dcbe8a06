// Throwaway mail domains, refused for signing: npm disposable-email-domains plus the
// site's own additions and exceptions.
#include "signatures/disposable_domains.hpp"

#include <boost/json/parse.hpp>

#include <algorithm>
#include <cctype>

namespace rempart::signatures {
namespace {

std::string normalised(std::string_view domain) {
    std::string out(domain);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    while (!out.empty() && out.back() == '.') out.pop_back();
    return out;
}

template <class Set>
Result<void> read_list(std::string_view json, std::string_view name, Set& into) {
    boost::system::error_code ec;
    const auto value = boost::json::parse(json, ec);
    if (ec || !value.is_array())
        return make_error("disposable.bad_list",
                          std::string(name) + " is not a JSON array of domains");
    for (const auto& item : value.as_array()) {
        if (!item.is_string())
            return make_error("disposable.bad_list",
                              std::string(name) + " holds something other than a domain");
        into.insert(normalised(item.as_string()));
    }
    return {};
}

}  // namespace

Result<DisposableDomains> DisposableDomains::load(std::string_view index_json,
                                                  std::string_view wildcard_json,
                                                  const std::vector<std::string>& extra_block,
                                                  const std::vector<std::string>& extra_allow) {
    DisposableDomains domains;
    if (auto read = read_list(index_json, "the disposable domain list", domains.exact_); !read)
        return read.error();
    if (auto read = read_list(wildcard_json, "the disposable wildcard list",
                              domains.with_subdomains_);
        !read)
        return read.error();
    for (const auto& domain : extra_block) domains.with_subdomains_.insert(normalised(domain));
    for (const auto& domain : extra_allow) domains.allowed_.insert(normalised(domain));
    return domains;
}

bool DisposableDomains::is_disposable(std::string_view ascii_domain) const {
    const auto domain = normalised(ascii_domain);
    if (allowed_.contains(domain)) return false;
    if (exact_.contains(domain)) return true;
    // The domain itself or any parent in the wildcard list: x.y.33mail.com is 33mail.com's.
    std::string_view rest = domain;
    for (;;) {
        if (with_subdomains_.contains(rest)) return !allowed_.contains(rest);
        const auto dot = rest.find('.');
        if (dot == std::string_view::npos) return false;
        rest.remove_prefix(dot + 1);
    }
}

}  // namespace rempart::signatures
