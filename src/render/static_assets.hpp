// Static files (our CSS, Pico from npm, icons) served from memory under content-hashed names.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace rempart::render {

struct Asset {
    std::string url;  // /static/pico.min.3fa2c1d0.css
    std::string content_type;
    std::string bytes;
    std::string gzipped;  // empty when compression would not save bytes
    std::string etag;     // strong, quoted
};

class StaticAssets {
  public:
    // Every embedded file under static/, plus the npm files the pages use.
    static std::unique_ptr<StaticAssets> load();
    // Exact match on the hashed URL only: anything else, traversal attempts included, is
    // not an asset.
    const Asset* find(std::string_view url_path) const;
    // The hashed URL for a logical name such as "pico.css" or "rempart.css".
    std::string_view url(std::string_view name) const;
    const std::map<std::string, std::string, std::less<>>& urls() const { return urls_; }

    // For tests: adds a file under its logical name.
    void add(std::string name, std::string_view bytes);

  private:
    std::vector<std::unique_ptr<Asset>> assets_;
    std::map<std::string, const Asset*, std::less<>> by_url_;
    std::map<std::string, std::string, std::less<>> urls_;
};

std::string_view content_type_for(std::string_view file_name);

}  // namespace rempart::render
