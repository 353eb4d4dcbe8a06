// Public pages rendered once per language and kept in memory, compressed and tagged.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "http/request.hpp"
#include "http/response.hpp"

namespace rempart::web {

struct CachedPage {
    std::string body;
    std::string gzipped;  // empty when compression would not save bytes
    std::string etag;     // strong, quoted
};

// Builds a CachedPage from rendered HTML: compresses it and computes its tag, once.
std::shared_ptr<const CachedPage> make_cached_page(std::string html);

class PageCache {
  public:
    explicit PageCache(std::size_t max_pages = 20000) : max_pages_(max_pages) {}

    // The page stored under `key` for `version`, rendered by `render` on a miss. Each key
    // has its own version (a petition's revision, the catalog's generation for the home
    // page): a newer one replaces the page, an older one is rendered for its request alone.
    // With `keep`, a newer version replaces a page only once it is that old, and the page
    // stored is served until then: for what costs a render too dear to follow every version.
    std::shared_ptr<const CachedPage> get(const std::string& key, std::uint64_t version,
                                          const std::function<std::string()>& render,
                                          std::chrono::steady_clock::duration keep = {});
    std::size_t size() const;
    // Forgets every page: for a change every page shows (the site's name). A render that
    // began before the call is served to its request but not kept.
    void clear();
    // Pages served from memory, and pages rendered (misses, and new generations).
    std::uint64_t hits() const { return hits_.load(std::memory_order_relaxed); }
    std::uint64_t renders() const { return renders_.load(std::memory_order_relaxed); }

  private:
    mutable std::shared_mutex mutex_;
    struct Entry {
        std::uint64_t version = 0;
        std::shared_ptr<const CachedPage> page;
        std::chrono::steady_clock::time_point rendered_at;
    };
    std::unordered_map<std::string, Entry> pages_;
    std::size_t max_pages_;
    std::uint64_t epoch_ = 0;  // under mutex_: moves at each clear()
    std::atomic<std::uint64_t> hits_{0};
    std::atomic<std::uint64_t> renders_{0};
};

// Answers with a cached page: 304 when the client holds it already, gzip when accepted.
// `vary` names the request headers the page depends on, for caches on the way.
http::Response cached_response(const http::Request& request, std::shared_ptr<const CachedPage> page,
                               unsigned status, std::string content_type, std::string cache_control,
                               std::string_view vary = "Accept-Encoding");

}  // namespace rempart::web
