import asyncio

_T0 = None


def _now():
    return asyncio.get_running_loop().time() - _T0


async def fetch(label, seconds):
    print(f"[{_now():.1f}s] {label}: start")
    await asyncio.sleep(seconds)
    print(f"[{_now():.1f}s] {label}: done")


async def main():
    global _T0
    _T0 = asyncio.get_running_loop().time()
    print(f"Sequential: await each call in turn")
    await fetch("A", 1)
    await fetch("B", 2)
    print(f"[{_now():.1f}s] sequential part finished")
    print(f"Concurrent: create both tasks, then await them")
    c = asyncio.create_task(fetch("C", 1), name="fetch-C")
    d = asyncio.create_task(fetch("D", 2), name="fetch-D")
    await c
    await d
    print(f"[{_now():.1f}s] concurrent part finished")


asyncio.run(main())
