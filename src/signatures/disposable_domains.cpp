// Throwaway mail domains, refused for signing: npm disposable-email-domains plus the
// site's own additions and exceptions.
#include "signatures/disposable_domains.hpp"

#include <boost/json/parse.hpp>

#include <algorithm>

#include "core/text.hpp"
#include "signatures/email.hpp"
#include "signatures/errors.hpp"

namespace rempart::signatures {
namespace {

std::string_view without_trailing_dot(std::string_view domain) {
    while (!domain.empty() && domain.back() == '.') domain.remove_suffix(1);
    return domain;
}

bool is_ascii(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// A handful of the npm entries are Unicode ("instágram.com"); addresses are looked up by
// their A-labels, so the entries are too. An entry IDNA 2008 refuses cannot be the domain
// of an address parse_email accepts, and is left out rather than stopping start-up.
Result<void> read_list(std::string_view json, std::string_view name, auto& into) {
    boost::system::error_code ec;
    const auto value = boost::json::parse(json, ec);
    const auto bad = [&](std::string why) {
        return make_error(SignatureError::disposable_bad_list, std::string(name) + ": " + why);
    };
    if (ec) return bad("not JSON (" + ec.message() + ")");
    if (!value.is_array()) return bad("not a JSON array of domains");
    into.reserve(value.as_array().size(), json.size());
    for (const auto& item : value.as_array()) {
        if (!item.is_string()) return bad("holds something other than a domain");
        const auto domain = without_trailing_dot(item.as_string());
        if (domain.empty()) return bad("holds an empty domain");
        if (is_ascii(domain)) {
            into.add(domain, true);
        } else if (auto ascii = ascii_domain(domain)) {
            into.add(*ascii);
        }
    }
    return {};
}

// The lines tools/data-image wrote: checked to be ASCII, since a start no longer turns
// Unicode into A-labels; their order is checked by seal().
Result<void> read_lines(std::string_view text, std::string_view name, DomainList& into) {
    into.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1,
                 text.size());
    while (!text.empty()) {
        const auto newline = text.find('\n');
        const auto line = text.substr(0, newline);
        text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
        if (line.empty()) continue;
        if (!is_ascii(line))
            return make_error(SignatureError::disposable_bad_list,
                              std::string(name) + ": '" + std::string(line) +
                                  "' is not in A-labels: build the lists again");
        into.add(line, true);
    }
    return {};
}

// The site's own entries are typed by an administrator: a typo stops start-up.
Result<void> read_site_list(const std::vector<std::string>& domains, std::string_view setting,
                            auto& into) {
    for (const auto& typed : domains) {
        const auto refuse = [&](const std::string& why) {
            return make_error(
                SignatureError::disposable_bad_list,
                std::string(setting) + ": '" + typed + "' is not a domain (" + why + ")");
        };
        const auto domain = without_trailing_dot(typed);
        if (domain.empty()) return refuse("it is empty");
        auto ascii = ascii_domain(domain);
        if (!ascii) return refuse(ascii.error().detail);
        into.add(*ascii);
    }
    return {};
}

}  // namespace

void DomainList::add(std::string_view domain, bool in_order) {
    const auto at = text_.size();
    text_.append(domain);
    for (auto i = at; i < text_.size(); ++i)
        if (text_[i] >= 'A' && text_[i] <= 'Z') text_[i] = static_cast<char>(text_[i] - 'A' + 'a');
    (in_order ? sorted_ : strays_).emplace_back(at, domain.size());
}

void DomainList::reserve(std::size_t domains, std::size_t bytes) {
    text_.reserve(text_.size() + bytes);
    sorted_.reserve(sorted_.size() + domains);
}

void DomainList::seal() {
    const auto before = [this](const Span& a, const Span& b) { return view(a) < view(b); };
    const auto same = [this](const Span& a, const Span& b) { return view(a) == view(b); };
    // Said to be in order, and checked: a list that is not gets sorted whole.
    if (!std::is_sorted(sorted_.begin(), sorted_.end(), before))
        std::sort(sorted_.begin(), sorted_.end(), before);
    std::sort(strays_.begin(), strays_.end(), before);
    const auto middle = static_cast<std::ptrdiff_t>(sorted_.size());
    sorted_.insert(sorted_.end(), strays_.begin(), strays_.end());
    strays_ = {};
    std::inplace_merge(sorted_.begin(), sorted_.begin() + middle, sorted_.end(), before);
    sorted_.erase(std::unique(sorted_.begin(), sorted_.end(), same), sorted_.end());
}

std::string DomainList::lines() const {
    std::string out;
    out.reserve(text_.size() + sorted_.size());
    for (const auto& span : sorted_) (out += view(span)) += '\n';
    return out;
}

bool DomainList::contains(std::string_view domain) const {
    const auto found = std::lower_bound(
        sorted_.begin(), sorted_.end(), domain,
        [this](const Span& span, std::string_view wanted) { return view(span) < wanted; });
    return found != sorted_.end() && view(*found) == domain;
}

Result<DisposableDomains> DisposableDomains::load(std::string_view index_json,
                                                  std::string_view wildcard_json,
                                                  const std::vector<std::string>& extra_block,
                                                  const std::vector<std::string>& extra_allow) {
    DisposableDomains domains;
    if (auto read = read_list(index_json, "the disposable domain list", domains.exact_); !read)
        return read.error();
    if (auto read =
            read_list(wildcard_json, "the disposable wildcard list", domains.with_subdomains_);
        !read)
        return read.error();
    if (auto added = domains.add_site_lists_and_seal(extra_block, extra_allow); !added)
        return added.error();
    return domains;
}

Result<DisposableDomains> DisposableDomains::load_lines(
    std::string_view exact_lines, std::string_view wildcard_lines,
    const std::vector<std::string>& extra_block, const std::vector<std::string>& extra_allow) {
    DisposableDomains domains;
    if (auto read = read_lines(exact_lines, "the disposable domain list", domains.exact_); !read)
        return read.error();
    if (auto read =
            read_lines(wildcard_lines, "the disposable wildcard list", domains.with_subdomains_);
        !read)
        return read.error();
    if (auto added = domains.add_site_lists_and_seal(extra_block, extra_allow); !added)
        return added.error();
    return domains;
}

Result<void> DisposableDomains::add_site_lists_and_seal(
    const std::vector<std::string>& extra_block, const std::vector<std::string>& extra_allow) {
    if (auto read = read_site_list(extra_block, "disposable_block", with_subdomains_); !read)
        return read.error();
    if (auto read = read_site_list(extra_allow, "disposable_allow", allowed_); !read)
        return read.error();
    exact_.seal();
    with_subdomains_.seal();
    allowed_.seal();
    return {};
}

std::pair<std::string, std::string> DisposableDomains::lines() const {
    return {exact_.lines(), with_subdomains_.lines()};
}

bool DisposableDomains::is_disposable(std::string_view ascii_domain) const {
    const auto domain = to_lower_ascii(without_trailing_dot(ascii_domain));
    // The domain and each parent, nearest first: "a.b.33mail.com", "b.33mail.com", ...
    bool listed = exact_.contains(domain);
    for (std::string_view rest = domain;;) {
        if (allowed_.contains(rest)) return false;
        if (with_subdomains_.contains(rest)) listed = true;
        const auto dot = rest.find('.');
        if (dot == std::string_view::npos) return listed;
        rest.remove_prefix(dot + 1);
    }
}

}  // namespace rempart::signatures
