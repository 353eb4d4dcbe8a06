// Static files (our CSS, Pico from npm, icons) served from memory under content-hashed names.
#include "render/static_assets.hpp"

#include <fmt/format.h>
#include <sodium.h>

#include "core/embedded.hpp"
#include "render/compress.hpp"

namespace rempart::render {
namespace {

// The npm files the pages use, and the short names templates know them by.
struct NpmAsset {
    std::string_view embedded_path;
    std::string_view name;
};
constexpr NpmAsset npm_assets[] = {
    {"node_modules/@picocss/pico/css/pico.min.css", "pico.css"},
    {"node_modules/altcha/dist/external/altcha.min.js", "altcha.js"},
    {"node_modules/altcha/dist/external/altcha.css", "altcha.css"},
    {"node_modules/altcha/dist/workers/sha.js", "altcha-sha.js"},
    {"node_modules/altcha/dist/i18n/fr-fr.js", "altcha-fr.js"},
};

// SHA-256 of the bytes in hex: its first 8 digits name the file, 32 of them make the ETag.
std::string content_hash(std::string_view bytes) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    std::string hex;
    for (const unsigned char byte : digest) hex += fmt::format("{:02x}", byte);
    return hex;
}

}  // namespace

std::string_view content_type_for(std::string_view name) {
    const auto dot = name.rfind('.');
    const auto ext = dot == std::string_view::npos ? std::string_view() : name.substr(dot + 1);
    if (ext == "css") return "text/css; charset=utf-8";
    if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
    if (ext == "svg") return "image/svg+xml";
    if (ext == "png") return "image/png";
    if (ext == "ico") return "image/x-icon";
    if (ext == "woff2") return "font/woff2";
    if (ext == "txt") return "text/plain; charset=utf-8";
    if (ext == "json") return "application/json";
    return "application/octet-stream";
}

void StaticAssets::add(std::string name, std::string_view bytes) {
    auto asset = std::make_unique<Asset>();
    const auto dot = name.rfind('.');
    const auto stem = name.substr(0, dot);
    const auto ext = dot == std::string::npos ? std::string() : name.substr(dot);
    const auto hash = content_hash(bytes);
    asset->url = "/static/" + stem + "." + hash.substr(0, 8) + ext;
    asset->content_type = std::string(content_type_for(name));
    asset->bytes = std::string(bytes);
    asset->etag = "\"" + hash.substr(0, 32) + "\"";
    auto compressed = gzip(bytes);
    if (compressed.size() < bytes.size()) asset->gzipped = std::move(compressed);
    by_url_[asset->url] = asset.get();
    urls_[name] = asset->url;
    assets_.push_back(std::move(asset));
}

std::unique_ptr<StaticAssets> StaticAssets::load() {
    if (sodium_init() < 0) return nullptr;
    auto assets = std::make_unique<StaticAssets>();
    constexpr std::string_view prefix = "static/";
    for (const auto& file : embedded::files()) {
        if (!file.path.starts_with(prefix)) continue;
        const auto name = file.path.substr(prefix.size());
        // Editor and system leftovers (.gitkeep, .DS_Store) are not for visitors.
        if (name.empty() || name.starts_with('.') || name.find("/.") != std::string_view::npos)
            continue;
        assets->add(std::string(name), file.bytes);
    }
    for (const auto& npm : npm_assets)
        if (const auto bytes = embedded::find(npm.embedded_path))
            assets->add(std::string(npm.name), *bytes);
    return assets;
}

const Asset* StaticAssets::find(std::string_view url_path) const {
    const auto it = by_url_.find(url_path);
    return it == by_url_.end() ? nullptr : it->second;
}

std::string_view StaticAssets::url(std::string_view name) const {
    const auto it = urls_.find(name);
    return it == urls_.end() ? std::string_view() : std::string_view(it->second);
}

}  // namespace rempart::render
