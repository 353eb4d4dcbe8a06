// Static files (our CSS, Pico from npm, icons) served from memory under content-hashed names.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace rempart::render {

struct Asset {
    std::string url;  // /static/pico.3fa2c1d0.css: the first 8 hex digits of its SHA-256
    std::string content_type;
    std::string bytes;
    std::string gzipped;  // empty when compression would not save bytes
    std::string etag;     // strong, quoted: 32 hex digits of the SHA-256
};

class StaticAssets {
  public:
    // Every embedded file under static/ (dotfiles left out), plus the npm files the pages
    // use. nullptr only if libsodium cannot start.
    static std::unique_ptr<StaticAssets> load();
    // Exact match on the hashed URL only: anything else, traversal attempts included, is
    // not an asset.
    const Asset* find(std::string_view url_path) const;
    // The hashed URL for a logical name such as "pico.css" or "rempart.css".
    std::string_view url(std::string_view name) const;
    const std::map<std::string, std::string, std::less<>>& urls() const { return urls_; }

    // Adds a file under its logical name ("rempart.css"); the same name again replaces the
    // URL that url() gives, while the old URL stays served (pages cached with it still work).
    void add(std::string name, std::string_view bytes);

  private:
    std::vector<std::unique_ptr<Asset>> assets_;
    std::map<std::string, const Asset*, std::less<>> by_url_;
    std::map<std::string, std::string, std::less<>> urls_;
};

std::string_view content_type_for(std::string_view file_name);

}  // namespace rempart::render
