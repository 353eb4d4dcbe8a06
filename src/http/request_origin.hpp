// Whether a request that changes something was sent from this site, as its browser tells.
#pragma once

#include <cstddef>
#include <string_view>

#include "http/request.hpp"

namespace rempart::http {

// What the browser's headers say of where a request comes from. A hostile page can make its
// visitors' browsers post to us (sign, confirm, withdraw, act in the back office); only
// what the browser itself adds tells such a request from one sent by our own pages.
enum class OriginVerdict {
    same_site,         // Origin is ours, or Sec-Fetch-Site or Referer says this site
    no_evidence,       // none of the three headers: curl, an old browser, our own tools
    foreign_origin,    // Origin names another site, or is not an origin at all
    null_origin,       // Origin: null, as sent from a sandboxed frame or a data: page
    cross_site_fetch,  // no Origin, and Sec-Fetch-Site: cross-site
    foreign_referer,   // no Origin nor Sec-Fetch-Site, and a Referer of another site
};
inline constexpr std::size_t origin_verdict_count = 6;

std::string_view to_string(OriginVerdict verdict);

// The verdicts that refuse the request: the last four.
bool refuses(OriginVerdict verdict);

// Any method but GET, HEAD and OPTIONS may change something: those are the ones checked.
bool changes_state(Method method);

// Looks at Origin first; without it at Sec-Fetch-Site (same-origin, same-site and none are
// this site, cross-site is not, any other value says nothing); without either at Referer.
// Origins compare as browsers do: scheme, host without regard to case, and port, an absent
// port being the scheme's own (80, 443). `base_url` is the site's address as configured
// ("https://petitions.example.org"); its path, if any, plays no part.
OriginVerdict check_request_origin(const HeaderView& headers, std::string_view base_url);

}  // namespace rempart::http
