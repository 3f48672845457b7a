import asyncio


async def cancel_me():
    print('cancel_me(): before sleep')
    try:
        await asyncio.sleep(3600)
    except asyncio.CancelledError:
        print('cancel_me(): cancel sleep')
        raise
    finally:
        print('cancel_me(): after sleep')


async def main():
    task = asyncio.create_task(cancel_me())
    await asyncio.sleep(1)
    was_cancelled = task.cancel()
    print(f"cancel() returned {was_cancelled}")
    try:
        await task
    except asyncio.CancelledError:
        print("main(): cancel_me is cancelled now")
    print(f"done={task.done()} cancelled={task.cancelled()}")
    tasks = []
    for i in range(3):
        tasks.append(asyncio.create_task(cancel_me(), name=f"w{i}"))
    await asyncio.sleep(0)
    results = [t.cancel() for t in tasks]
    print(results, len(tasks))
    outcomes = await asyncio.gather(*tasks, return_exceptions=True)
    print([type(o).__name__ for o in outcomes])
    counts = {}
    for name in ["a", "b", "a"]:
        counts[name] = counts.get(name, 0) + 1
    print(counts, sorted(counts.items(), key=None))
    n = 0
    while True:
        n += 1
        if n % 2 == 0:
            continue
        if n > 7:
            break
    else:
        print("never")
    print(n, 7 // -2, -7 % 3, round(2.5), 10 / 4, 2 ** 100)

asyncio.run(main())
