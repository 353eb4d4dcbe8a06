// Throwaway mail domains, refused for signing: npm disposable-email-domains plus the
// site's own additions and exceptions.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/result.hpp"

namespace rempart::signatures {

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

    // `ascii_domain`: A-labels, as EmailAddress::ascii_domain; case and a trailing dot
    // do not matter.
    bool is_disposable(std::string_view ascii_domain) const;
    std::size_t size() const { return exact_.size() + with_subdomains_.size(); }

  private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const {
            return std::hash<std::string_view>{}(text);
        }
    };
    using Set = std::unordered_set<std::string, Hash, std::equal_to<>>;
    Set exact_;
    Set with_subdomains_;
    Set allowed_;  // with subdomains
};

}  // namespace rempart::signatures
