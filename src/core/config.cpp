// Loads rempart.toml, and once the modules have read it refuses what none of them knew.
#include "core/config.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/detail/config_document.hpp"

namespace rempart::config {
namespace {

// A key no module read, or a section none opened, is named with its place.
Result<void> check_section(const detail::Document& document, const toml::key& section_key,
                           const toml::node& section_node) {
    using detail::Where;
    const std::string section(section_key.str());
    // A [section] header's table starts at its '['; a stray top-level key at the key.
    const auto place = section_node.is_table() && section_node.source().begin.line != 0
                           ? section_node.source()
                           : detail::place_of(section_key, section_node);
    const Where at_section{document.source, place, section, ""};
    const auto* table = section_node.as_table();
    if (!document.sections.contains(section)) {
        if (!table)  // a key written before any [section] header
            return make_error(ConfigError::unknown_key,
                              at_section.prefix() + "unknown key " + section +
                                  " (every setting belongs in a [section])");
        return make_error(ConfigError::unknown_key,
                          at_section.prefix() + "unknown section [" + section + "]");
    }
    if (!table)
        return make_error(ConfigError::bad_type, at_section.prefix() + "[" + section +
                                                     "] must be a section, written as a [" +
                                                     section + "] header");
    for (const auto& [name, value] : *table) {
        const detail::KeyName key{section, std::string(name.str())};
        if (const auto wrong = document.wrong.find(key); wrong != document.wrong.end())
            return wrong->second;
        if (!document.known.contains(key)) {
            const Where where{document.source, detail::place_of(name, value), section, key.second};
            return make_error(ConfigError::unknown_key,
                              where.prefix() + "unknown key [" + section + "] " + where.key);
        }
    }
    return {};
}

}  // namespace

File::File(std::unique_ptr<detail::Document> document) : document_(std::move(document)) {}
File::File(File&&) noexcept = default;
File& File::operator=(File&&) noexcept = default;
File::~File() = default;

Result<File> File::parse(std::string_view toml_text, std::string_view source_name) {
    auto document = std::make_unique<detail::Document>();
    document->source = source_name;
    // toml++ is built with exceptions on Debian: its parse errors stop here and become values.
    try {
        document->root = toml::parse(toml_text, source_name);
    } catch (const toml::parse_error& e) {
        const auto& begin = e.source().begin;
        return make_error(ConfigError::syntax,
                          std::string(source_name) + ":" + std::to_string(begin.line) + ":" +
                              std::to_string(begin.column) + ": " + std::string(e.description()));
    }
    return File(std::move(document));
}

Result<File> File::load(const std::filesystem::path& file) {
    const auto refuse = [&](const std::string& reason) {
        return make_error(ConfigError::unreadable,
                          "cannot read config file " + file.string() + ": " + reason);
    };
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec)) return refuse("it is a directory");
    errno = 0;
    std::ifstream in(file, std::ios::binary);
    if (!in) return refuse(errno != 0 ? std::strerror(errno) : "it cannot be opened");
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return refuse(std::strerror(errno));
    return parse(text.str(), file.string());
}

Section File::section(std::string_view name) {
    document_->sections.emplace(name);
    return Section(*document_, std::string(name));
}

Result<void> File::finish() const {
    // The file's order (toml++ keeps keys sorted), so that the same file always gives the
    // same first error whichever module read it first.
    for (const auto& [section_key, section_node] : document_->root)
        if (auto checked = check_section(*document_, section_key, section_node); !checked)
            return checked;
    if (!document_->refusals.empty()) return document_->refusals.front();
    return {};
}

}  // namespace rempart::config
