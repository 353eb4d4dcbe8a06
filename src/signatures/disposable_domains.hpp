// Throwaway mail domains, refused for signing: npm disposable-email-domains plus the
// site's own additions and exceptions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace rempart::signatures {

// Domains as one buffer and one sorted array of places in it. The npm list's 120,000 are
// built at every start: a hash set took a node and a string each, a quarter of a start
// under the sanitizers. A lookup is a binary search, some 17 comparisons.
class DomainList {
  public:
    // Before seal(). `in_order`: the caller adds these sorted (the npm list is), so seal()
    // need not sort them; the rest (a few entries turned into A-labels, the site's own) are
    // sorted apart and merged in.
    void add(std::string_view domain, bool in_order = false);
    // Room for `domains` more, `bytes` long in all: growing a buffer of megabytes copies it.
    void reserve(std::size_t domains, std::size_t bytes);
    // After it, contains() and size() answer.
    void seal();
    bool contains(std::string_view domain) const;
    std::size_t size() const { return sorted_.size(); }
    // After seal(): the domains in order, one a line.
    std::string lines() const;

  private:
    using Span = std::pair<std::size_t, std::size_t>;  // where in text_, and how long
    std::string_view view(const Span& span) const {
        return std::string_view(text_.data() + span.first, span.second);
    }
    // Places in the buffer rather than views into it: a moved string may move its bytes.
    std::string text_;
    std::vector<Span> sorted_;  // the in-order ones until seal(), all of them sorted after
    std::vector<Span> strays_;  // the others, until seal()
};

class DisposableDomains {
  public:
    // `index_json`: exact domains; `wildcard_json`: domains whose every subdomain is
    // throwaway too; both JSON arrays of strings, Unicode entries kept in A-labels.
    // `extra_block` and `extra_allow` (the site's configuration) cover their subdomains,
    // and an allowed domain or parent wins over everything. Error:
    // SignatureError::disposable_bad_list, for a list that is not an array of domains or a site
    // entry that is not a domain.
    static Result<DisposableDomains> load(std::string_view index_json,
                                          std::string_view wildcard_json,
                                          const std::vector<std::string>& extra_block,
                                          const std::vector<std::string>& extra_allow);

    // The npm lists as the build leaves them (tools/data-image, from lines()): one
    // lowercase A-label domain a line, in order, so that a start reads no JSON and turns no
    // Unicode into A-labels. A line that is not ASCII is SignatureError::disposable_bad_list.
    static Result<DisposableDomains> load_lines(std::string_view exact_lines,
                                                std::string_view wildcard_lines,
                                                const std::vector<std::string>& extra_block,
                                                const std::vector<std::string>& extra_allow);
    // The npm part of the lists, for load_lines(): {exact, with their subdomains}. Read
    // before any site entry is added, that is from a load() with none.
    std::pair<std::string, std::string> lines() const;

    // `ascii_domain`: A-labels, as EmailAddress::ascii_domain; case and a trailing dot
    // do not matter.
    bool is_disposable(std::string_view ascii_domain) const;
    std::size_t size() const { return exact_.size() + with_subdomains_.size(); }

  private:
    Result<void> add_site_lists_and_seal(const std::vector<std::string>& extra_block,
                                         const std::vector<std::string>& extra_allow);

    DomainList exact_;
    DomainList with_subdomains_;
    DomainList allowed_;  // with subdomains
};

}  // namespace rempart::signatures
