// The interface words as templates read them, built once and shared.
#include "render/words.hpp"

#include <map>
#include <mutex>
#include <tuple>

namespace rempart::render {
namespace {

namespace mu = kainjow::mustache;

// The values the catalog's site-wide {placeholders} take on this site.
Placeholders site_placeholders(const SiteSettings& site) {
    return {{"site", site.name},
            {"org", site.controller.empty() ? site.name : site.controller},
            {"controller", site.controller},
            {"hosting", site.hosting_provider}};
}

// The catalog as nested objects under "t", so templates write {{t.home.title}}.
mu::data build_words(const Messages& messages, Language language, const Placeholders& values) {
    std::map<std::string, mu::data, std::less<>> sections;
    for (const auto& [key, text] : messages.all(language)) {
        const auto dot = key.find('.');
        auto [it, _] = sections.try_emplace(key.substr(0, dot), mu::data::type::object);
        it->second.set(key.substr(dot + 1), fill(text, values));
    }
    mu::data t = mu::data::type::object;
    for (auto& [name, section] : sections) t.set(name, section);
    mu::data root = mu::data::type::object;
    root.set("t", t);
    return root;
}

}  // namespace

std::shared_ptr<const mu::data> shared_words(const Messages& messages, Language language,
                                             const SiteSettings& site) {
    // A handful of entries at most: two languages, and the site's names change only when an
    // admin edits them (or a test does), so a full cache simply starts again.
    using Key = std::tuple<std::uint64_t, Language, Placeholders>;
    static std::mutex mutex;
    static std::map<Key, std::shared_ptr<const mu::data>> cache;
    Key key{messages.serial(), language, site_placeholders(site)};
    std::lock_guard lock(mutex);
    if (const auto it = cache.find(key); it != cache.end()) return it->second;
    if (cache.size() >= 16) cache.clear();
    auto words = std::make_shared<const mu::data>(
        build_words(messages, language, std::get<Placeholders>(key)));
    cache.emplace(std::move(key), words);
    return words;
}

std::string render_over_words(mu::mustache& page, const mu::data& data, const mu::data& words) {
    mu::context<std::string> context(&words);
    context.push(&data);
    return page.render(context);
}

}  // namespace rempart::render
