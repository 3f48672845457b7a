import asyncio

_T0 = None


def _now():
    return asyncio.get_running_loop().time() - _T0


async def worker(label, jobs, pause):
    for i in range(jobs):
        print(f"[{_now():.1f}s] {label}: job {i} started")
        await asyncio.sleep(pause)
    print(f"[{_now():.1f}s] {label}: all {jobs} jobs done")


async def main():
    global _T0
    _T0 = asyncio.get_running_loop().time()
    fast = asyncio.create_task(worker("fast", 4, 0.5), name="fast")
    slow = asyncio.create_task(worker("slow", 2, 1.3), name="slow")
    for tick in range(2):
        await asyncio.sleep(0.7)
        print(f"[{_now():.1f}s] main: tick {tick}")
    await fast
    await slow
    print(f"[{_now():.1f}s] main: both workers are done")


asyncio.run(main())
