// `rempart retention`: applies [retention] at once, and says what it changed.
#include <ctime>
#include <iostream>

#include "app/retention.hpp"
#include "cli/commands.hpp"
#include "cli/failure.hpp"
#include "store/store.hpp"

namespace rempart::cli {

int apply_retention(const Config& config, std::optional<std::int64_t> now, std::ostream& out) {
    auto store = store::open_store(config.storage, 1);
    if (!store) return fail(store.error().detail);
    const auto at = now.value_or(static_cast<std::int64_t>(std::time(nullptr)));
    const auto tally = app::apply_retention_now(**store, config.retention, at);
    (*store)->close();
    if (!tally) return fail(tally.error().detail);
    out << "Unconfirmed signatures erased: " << tally->erased << "\n"
        << "Signatures of closed petitions anonymised: " << tally->anonymised << "\n"
        << "Proposals whose author and supporters were erased: " << tally->proposals << "\n"
        << "Rows whose IP address was reduced to its network: " << tally->addresses << "\n"
        << "Defence events deleted: " << tally->events << "\n"
        << "Mails emptied or deleted: " << tally->mails << "\n"
        << "Newsletter subscriptions ended or never confirmed: " << tally->newsletter << "\n"
        << "Sessions and audit entries deleted: " << tally->back_office << "\n";
    return 0;
}

}  // namespace rempart::cli
