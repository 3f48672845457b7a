#pragma once

#include <cstddef>
#include <memory>

namespace tusk {

/// A FIFO over a power-of-two ring buffer: push and pop never allocate once the buffer has
/// grown to the largest size the run needs (std::deque allocates per block). Both are a
/// handful of instructions: the ready queue sees every step of every task.
template<typename T> class RingQueue {
public:
    bool empty() const { return m_size == 0; }
    std::size_t size() const { return m_size; }

    void push(const T &value)
    {
        if (m_size == m_capacity) [[unlikely]]
            grow();
        m_data[(m_head + m_size) & m_mask] = value;
        ++m_size;
    }

    T pop()
    {
        const T value = m_data[m_head];
        m_head = (m_head + 1) & m_mask;
        --m_size;
        return value;
    }

    const T &at(std::size_t i) const { return m_data[(m_head + i) & m_mask]; }

    void clear()
    {
        m_head = 0;
        m_size = 0;
    }

private:
    [[gnu::noinline]] void grow()
    {
        const std::size_t capacity = m_capacity ? m_capacity * 2 : 64;
        std::unique_ptr<T[]> bigger(new T[capacity]);
        for (std::size_t i = 0; i < m_size; ++i)
            bigger[i] = at(i);
        m_storage = std::move(bigger);
        m_data = m_storage.get();
        m_head = 0;
        m_capacity = capacity;
        m_mask = capacity - 1;
    }

    std::unique_ptr<T[]> m_storage;
    T *m_data = nullptr;
    std::size_t m_head = 0;
    std::size_t m_size = 0;
    std::size_t m_capacity = 0;
    std::size_t m_mask = 0;  ///< capacity - 1
};

}  // namespace tusk
