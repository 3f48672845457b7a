#pragma once

#include "chunkpool.h"

#include <cstddef>
#include <new>
#include <utility>
#include <vector>

namespace tusk {

/// An append-only array in fixed-size chunks: elements never move, so references stay valid
/// while it grows (a task can create tasks while its own record is in use), and growing never
/// copies what is already there. By default chunks are 2 MiB, aligned and marked for
/// transparent huge pages: 100,000 tasks then cost a handful of page faults instead of ten
/// thousand. Data that grows slowly (a run's recording) is better off in small chunks: a huge
/// page is zeroed whole on first touch, used or not. Freed chunks go to the ChunkPool, so the
/// next run finds its memory already paged in.
template<typename T, std::size_t ChunkBytes = ChunkPool::kHugePage> class ChunkedVector {
public:
    static constexpr std::size_t kHugePage = ChunkPool::kHugePage;
    static constexpr bool kUsesHugePages = ChunkBytes >= kHugePage;
    /// Elements per chunk (indexing divides by a constant).
    static constexpr std::size_t kChunk = ChunkBytes / sizeof(T) > 0 ? ChunkBytes / sizeof(T) : 1;

    ChunkedVector() = default;
    ChunkedVector(const ChunkedVector &) = delete;
    ChunkedVector &operator=(const ChunkedVector &) = delete;
    ChunkedVector(ChunkedVector &&other) noexcept
        : m_chunks(std::move(other.m_chunks))
        , m_size(std::exchange(other.m_size, 0))
    {
        other.m_chunks.clear();
    }
    ChunkedVector &operator=(ChunkedVector &&other) noexcept
    {
        if (this != &other) {
            release();
            m_chunks = std::move(other.m_chunks);
            other.m_chunks.clear();
            m_size = std::exchange(other.m_size, 0);
        }
        return *this;
    }
    ~ChunkedVector() { release(); }

    /// Destroys every element; the chunks go back to the pool.
    void clear() { release(); }

    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }

    T &operator[](std::size_t i) { return m_chunks[i / kChunk][i % kChunk]; }
    const T &operator[](std::size_t i) const { return m_chunks[i / kChunk][i % kChunk]; }
    T &at(std::size_t i) { return (*this)[i]; }
    const T &at(std::size_t i) const { return (*this)[i]; }
    T &back() { return (*this)[m_size - 1]; }
    const T &back() const { return (*this)[m_size - 1]; }

    /// Forward iteration in index order (range-for).
    class const_iterator {
    public:
        const_iterator(const ChunkedVector *v, std::size_t i)
            : m_v(v)
            , m_i(i)
        {
        }
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
    void release()
    {
        for (std::size_t i = 0; i < m_size; ++i)
            (*this)[i].~T();
        for (T *chunk : m_chunks)
            ChunkPool::give(chunk, kChunkAllocBytes, kUsesHugePages);
        m_chunks.clear();
        m_size = 0;
    }

    /// Bytes allocated per chunk: whole huge pages when they are used.
    static constexpr std::size_t kChunkAllocBytes
        = kUsesHugePages ? (kChunk * sizeof(T) + kHugePage - 1) / kHugePage * kHugePage : kChunk * sizeof(T);

    void addChunk() { m_chunks.push_back(static_cast<T *>(ChunkPool::take(kChunkAllocBytes, kUsesHugePages))); }

    std::vector<T *> m_chunks;
    std::size_t m_size = 0;
};

}  // namespace tusk
