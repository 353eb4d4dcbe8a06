// The errors of the store itself: SQLite, the schema and the writer's queue. A repository
// answers in its own module's words (PetitionError::slug_taken, not StoreError::duplicate).
#pragma once

#include <string_view>

namespace rempart::store {

enum class StoreError {
    busy,              // SQLite is locked, or the writer's queue is full: try again soon
    duplicate,         // a UNIQUE or PRIMARY KEY constraint refused the row
    constraint,        // another constraint refused the row
    failed,            // any other SQLite failure
    newer,             // the data folder was written by a newer Rempart: refuse to start
    migration_failed,  // a migration failed and was rolled back
    no_folder,         // the data folder cannot be made
    stopping,          // the store is closing and takes no more writes
    job_failed,        // a write job threw; its transaction was rolled back
};

constexpr std::string_view error_name(StoreError error) {
    switch (error) {
        case StoreError::busy:
            return "store.busy";
        case StoreError::duplicate:
            return "store.duplicate";
        case StoreError::constraint:
            return "store.constraint";
        case StoreError::failed:
            return "store.failed";
        case StoreError::newer:
            return "store.newer";
        case StoreError::migration_failed:
            return "store.migration_failed";
        case StoreError::no_folder:
            return "store.no_folder";
        case StoreError::stopping:
            return "store.stopping";
        case StoreError::job_failed:
            return "store.job_failed";
    }
    return "store.unknown";
}

}  // namespace rempart::store
