import asyncio

_T0 = None


def _now():
    return asyncio.get_running_loop().time() - _T0


async def fetch(label, seconds):
    await asyncio.sleep(seconds)
    print(f"[{_now():.1f}s] fetch {label}: finished")
    return label


async def broken(seconds, message):
    await asyncio.sleep(seconds)
    print(f"[{_now():.1f}s] broken: failing")
    raise RuntimeError(message)


async def main():
    global _T0
    _T0 = asyncio.get_running_loop().time()
    beta = asyncio.create_task(fetch("beta", 2), name="fetch-beta")
    results = await asyncio.gather(fetch("alpha", 1), broken(1.5, "disk full"), beta, return_exceptions=True)
    print(f"[{_now():.1f}s] main: results = {results}")
    print(f"main: beta.done() = {beta.done()}")


asyncio.run(main())
