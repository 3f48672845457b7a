#pragma once

#include <cstddef>
#include <cstdlib>
#include <new>
#include <utility>
#include <vector>

#include <sys/mman.h>

namespace tusk {

/// An append-only array in fixed-size chunks: elements never move, so references stay valid
/// while it grows (a task can create tasks while its own record is in use), and growing never
/// copies what is already there. Chunks are about 2 MiB, aligned and marked for transparent
/// huge pages: 100,000 tasks then cost a handful of page faults instead of ten thousand.
template<typename T>
class ChunkedVector {
public:
    static constexpr std::size_t kHugePage = std::size_t(2) << 20;
    /// Elements per chunk: as many as fill one huge page (indexing divides by a constant).
    static constexpr std::size_t kChunk = kHugePage / sizeof(T) > 0 ? kHugePage / sizeof(T) : 1;

    ChunkedVector() = default;
    ChunkedVector(const ChunkedVector &) = delete;
    ChunkedVector &operator=(const ChunkedVector &) = delete;
    ~ChunkedVector()
    {
        for (std::size_t i = 0; i < m_size; ++i)
            (*this)[i].~T();
        for (T *chunk : m_chunks)
            std::free(chunk);
    }

    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }

    T &operator[](std::size_t i) { return m_chunks[i / kChunk][i % kChunk]; }
    const T &operator[](std::size_t i) const { return m_chunks[i / kChunk][i % kChunk]; }
    T &at(std::size_t i) { return (*this)[i]; }
    const T &at(std::size_t i) const { return (*this)[i]; }
    T &back() { return (*this)[m_size - 1]; }

    /// Forward iteration in index order (range-for).
    class const_iterator {
    public:
        const_iterator(const ChunkedVector *v, std::size_t i) : m_v(v), m_i(i) {}
        const T &operator*() const { return (*m_v)[m_i]; }
        const T *operator->() const { return &(*m_v)[m_i]; }
        const_iterator &operator++()
        {
            ++m_i;
            return *this;
        }
        bool operator==(const const_iterator &o) const { return m_i == o.m_i; }
        bool operator!=(const const_iterator &o) const { return m_i != o.m_i; }

    private:
        const ChunkedVector *m_v;
        std::size_t m_i;
    };
    const_iterator begin() const { return {this, 0}; }
    const_iterator end() const { return {this, m_size}; }

    T &emplace_back()
    {
        if (m_size / kChunk == m_chunks.size())
            addChunk();
        T *slot = &m_chunks[m_size / kChunk][m_size % kChunk];
        new (slot) T();
        ++m_size;
        return *slot;
    }

    void push_back(const T &value) { emplace_back() = value; }

private:
    void addChunk()
    {
        const std::size_t bytes = (kChunk * sizeof(T) + kHugePage - 1) / kHugePage * kHugePage;
        void *memory = std::aligned_alloc(kHugePage, bytes);
        if (!memory)
            throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
        ::madvise(memory, bytes, MADV_HUGEPAGE);  // a hint: harmless where unsupported
#endif
        m_chunks.push_back(static_cast<T *>(memory));
    }

    std::vector<T *> m_chunks;
    std::size_t m_size = 0;
};

} // namespace tusk
