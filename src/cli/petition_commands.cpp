// `rempart petition create` and `rempart petition list`: the store from the command line.
#include <spdlog/spdlog.h>

#include <charconv>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/errors.hpp"
#include "cli/failure.hpp"
#include "core/log_events.hpp"
#include "petitions/errors.hpp"
#include "petitions/validate.hpp"
#include "store/petition_repository.hpp"
#include "store/store.hpp"

namespace rempart::cli {
namespace {

Result<std::string> read_text_file(const std::filesystem::path& file) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec))
        return make_error(cli::CliError::no_file,
                          "cannot read " + file.string() + ": no such file");
    std::ifstream in(file, std::ios::binary);
    if (!in) return make_error(cli::CliError::no_file, "cannot read " + file.string());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

Result<std::optional<std::int64_t>> parse_goal(const std::optional<std::string>& text) {
    if (!text) return std::optional<std::int64_t>();
    std::int64_t goal = 0;
    const auto [end, err] = std::from_chars(text->data(), text->data() + text->size(), goal);
    if (err != std::errc() || end != text->data() + text->size())
        return make_error(
            PetitionError::goal_invalid,
            "the goal must be a whole number of signatures, e.g. 1000 (got '" + *text + "')");
    return std::optional<std::int64_t>(goal);
}

}  // namespace

int create_petition(const Config& config, const CreatePetitionOptions& options) {
    auto body = read_text_file(options.text_file);
    if (!body) return fail(body.error().detail);
    auto goal = parse_goal(options.goal);
    if (!goal) return fail(goal.error().detail);
    auto draft = validate_draft(PetitionDraft{options.slug, options.title, options.summary,
                                              std::move(*body), *goal, options.postcode_required});
    if (!draft) return fail(draft.error().detail);
    auto store = store::open_store(config.storage, 1);
    if (!store) return fail(store.error().detail);
    const auto now = static_cast<std::int64_t>(std::time(nullptr));
    auto created = (*store)->writer().write_now<Petition>(
        [&](store::Database& db) { return store::insert_petition(db, *draft, now); });
    (*store)->close();
    if (!created) return fail(created.error().detail);
    spdlog::info("{} slug={}", log_event::petition_created, created->slug);
    std::cout << "Published petition '" << created->slug << "': " << config.server.base_url
              << "/petitions/" << created->slug << "\n";
    return 0;
}

int list_petitions(const Config& config, std::ostream& out) {
    auto store = store::open_store(config.storage, 1);
    if (!store) return fail(store.error().detail);
    const auto petitions = (*store)->readers().read_now<std::vector<Petition>>(
        [](store::Database& db) { return store::list_petitions(db); });
    (*store)->close();
    if (petitions.empty()) {
        out << "No petitions yet. Create one with: rempart petition create --slug ... "
               "--title ... --text-file ...\n";
        return 0;
    }
    for (const auto& petition : petitions) {
        out << petition.slug << "\t" << to_string(petition.state) << "\t"
            << petition.signature_count
            << (petition.goal ? "/" + std::to_string(*petition.goal) : "") << "\t" << petition.title
            << "\n";
    }
    return 0;
}

}  // namespace rempart::cli
