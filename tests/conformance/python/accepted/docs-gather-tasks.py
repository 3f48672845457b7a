# After CPython's documentation, library/asyncio-task.rst, "Running Tasks Concurrently": the
# gather of three coroutines, with what Tusk v1 holds (no arithmetic inside).
import asyncio

async def job(name, delay):
    print(f"Task {name}: started")
    await asyncio.sleep(delay)
    print(f"Task {name}: done after {delay} s")
    return name

async def main():
    # Schedule three calls *concurrently*:
    L = await asyncio.gather(
        job("A", 2),
        job("B", 3),
        job("C", 1),
    )
    print(L)

asyncio.run(main())
