import asyncio
import random as rnd
from random import randint, choice

rnd.seed(7)


async def worker(name):
    delay = randint(1, 5) / 10
    await asyncio.sleep(delay)
    print(f"{name} slept {delay:.1f}, picked {choice(['x', 'y', 'z'])}")
    return delay


async def main():
    tasks = [asyncio.create_task(worker(f"w{i}")) for i in range(5)]
    results = await asyncio.gather(*tasks)
    print(sorted(results), round(sum(results), 2))
    xs = list(range(6))
    rnd.shuffle(xs)
    print(xs, rnd.sample(xs, 3), rnd.random(), rnd.choices("abc", k=4), rnd.uniform(-1, 1))


asyncio.run(main())
