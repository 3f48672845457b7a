#include "chunkpool.h"

#include <cstdlib>
#include <mutex>
#include <new>
#include <sys/mman.h>
#include <vector>

namespace tusk {

namespace {

struct FreeList {
    std::size_t bytes;
    bool hugePages;
    std::vector<void *> chunks;
};

struct Pool {
    std::mutex mutex;
    std::vector<FreeList> lists;  // a handful: one per chunk size in use
    std::size_t retained = 0;

    FreeList &list(std::size_t bytes, bool hugePages)
    {
        for (FreeList &l : lists) {
            if (l.bytes == bytes && l.hugePages == hugePages)
                return l;
        }
        lists.push_back({bytes, hugePages, {}});
        return lists.back();
    }
};

Pool &pool()
{
    static Pool *p = new Pool;  // never destroyed: chunks may be given back during exit
    return *p;
}

}  // namespace

void *ChunkPool::take(std::size_t bytes, bool hugePages)
{
    {
        Pool &p = pool();
        std::lock_guard lock(p.mutex);
        FreeList &l = p.list(bytes, hugePages);
        if (!l.chunks.empty()) {
            void *chunk = l.chunks.back();
            l.chunks.pop_back();
            p.retained -= bytes;
            return chunk;
        }
    }
    void *memory = hugePages ? std::aligned_alloc(ChunkPool::kHugePage, bytes) : std::malloc(bytes);
    if (!memory)
        throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
    if (hugePages)
        ::madvise(memory, bytes, MADV_HUGEPAGE);  // a hint: harmless where unsupported
#endif
    return memory;
}

void ChunkPool::give(void *chunk, std::size_t bytes, bool hugePages)
{
    if (!chunk)
        return;
    {
        Pool &p = pool();
        std::lock_guard lock(p.mutex);
        if (p.retained + bytes <= kRetainBytes) {
            p.list(bytes, hugePages).chunks.push_back(chunk);
            p.retained += bytes;
            return;
        }
    }
    std::free(chunk);
}

}  // namespace tusk
