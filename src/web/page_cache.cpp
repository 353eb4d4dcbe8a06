// Public pages rendered once per language and kept in memory, compressed and tagged.
#include "web/page_cache.hpp"

#include <fmt/format.h>

#include <mutex>

#include "render/compress.hpp"

namespace rempart::web {
namespace {

std::uint64_t fnv1a(std::string_view bytes) {
    std::uint64_t hash = 1469598103934665603ull;
    for (const unsigned char c : bytes) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return hash;
}

// True when the client's If-None-Match names our tag (or is "*").
bool client_has(std::string_view if_none_match, std::string_view etag) {
    if (if_none_match.empty()) return false;
    if (if_none_match == "*") return true;
    while (!if_none_match.empty()) {
        const auto comma = std::min(if_none_match.find(','), if_none_match.size());
        auto tag = if_none_match.substr(0, comma);
        if_none_match.remove_prefix(std::min(comma + 1, if_none_match.size()));
        while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
        while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
        if (tag.starts_with("W/")) tag.remove_prefix(2);
        if (tag == etag) return true;
    }
    return false;
}

bool accepts_gzip(std::string_view accept_encoding) {
    // "gzip;q=0" refuses it; anything else naming gzip accepts it.
    const auto at = accept_encoding.find("gzip");
    if (at == std::string_view::npos) return false;
    const auto rest = accept_encoding.substr(at + 4);
    const auto next = rest.find(',');
    const auto params = rest.substr(0, next);
    return params.find("q=0") == std::string_view::npos ||
           params.find("q=0.") != std::string_view::npos;
}

}  // namespace

std::shared_ptr<const CachedPage> make_cached_page(std::string html) {
    auto page = std::make_shared<CachedPage>();
    page->etag = fmt::format("\"{:016x}\"", fnv1a(html));
    auto compressed = render::gzip(html);
    if (compressed.size() < html.size()) page->gzipped = std::move(compressed);
    page->body = std::move(html);
    return page;
}

std::shared_ptr<const CachedPage> PageCache::get(const std::string& key, std::uint64_t version,
                                                 const std::function<std::string()>& render,
                                                 std::chrono::steady_clock::duration keep) {
    const auto now = keep > keep.zero() ? std::chrono::steady_clock::now()
                                        : std::chrono::steady_clock::time_point();
    std::uint64_t epoch = 0;
    {
        std::shared_lock lock(mutex_);
        epoch = epoch_;
        const auto it = pages_.find(key);
        if (it != pages_.end() &&
            (it->second.version == version ||
             (version > it->second.version && now - it->second.rendered_at < keep))) {
            hits_.fetch_add(1, std::memory_order_relaxed);
            return it->second.page;
        }
    }
    // Render outside the lock: two threads may render the same page once each, which is
    // cheaper than making every reader wait behind a render.
    auto page = make_cached_page(render());
    renders_.fetch_add(1, std::memory_order_relaxed);
    std::unique_lock lock(mutex_);
    if (epoch != epoch_) return page;
    const auto it = pages_.find(key);
    if (it == pages_.end()) {
        // A bound on memory against a crawl of endless unknown keys; pages come back on demand.
        if (pages_.size() >= max_pages_) pages_.clear();
        pages_.emplace(key, Entry{version, page, now});
    } else if (version > it->second.version) {
        it->second = Entry{version, page, now};
    }
    return page;
}

void PageCache::clear() {
    std::unique_lock lock(mutex_);
    ++epoch_;
    pages_.clear();
}

std::size_t PageCache::size() const {
    std::shared_lock lock(mutex_);
    return pages_.size();
}

http::Response cached_response(const http::Request& request, std::shared_ptr<const CachedPage> page,
                               unsigned status, std::string content_type, std::string cache_control,
                               std::string_view vary) {
    http::Response response;
    response.status = status;
    response.content_type = std::move(content_type);
    response.set_header("ETag", page->etag);
    response.set_header("Cache-Control", std::move(cache_control));
    response.set_header("Vary", std::string(vary));
    if (status == 200 && client_has(request.headers["If-None-Match"], page->etag)) {
        response.status = 304;
        return response;
    }
    if (!page->gzipped.empty() && accepts_gzip(request.headers["Accept-Encoding"])) {
        response.set_header("Content-Encoding", "gzip");
        response.body = http::Body(std::shared_ptr<const std::string>(page, &page->gzipped));
    } else {
        response.body = http::Body(std::shared_ptr<const std::string>(page, &page->body));
    }
    return response;
}

}  // namespace rempart::web
