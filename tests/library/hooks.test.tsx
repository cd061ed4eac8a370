// First, before Dexie loads: live queries need a global indexedDB.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { useArchiveChanges } from '@/components/library/hooks';
import type { Repo } from '@/lib/store';
import { clip, fresh } from '../store/helpers';
import { mount, settle, until } from './dom';

function Watch({ repo, onChange, since, enabled }: { repo: Repo; onChange(): void; since?: number; enabled?: boolean }) {
  useArchiveChanges(repo, onChange, { ...(since !== undefined ? { since } : {}), ...(enabled !== undefined ? { enabled } : {}) });
  return null;
}

describe('watching the archive', () => {
  it('reports each change after the first answer, not the first answer itself', async () => {
    const { repo } = fresh();
    await repo.saveClipping(clip('Đoạn một.'));
    const onChange = vi.fn();
    const m = mount(<Watch repo={repo} onChange={onChange} />);
    await settle(100);
    expect(onChange).not.toHaveBeenCalled();
    const { clipping } = await repo.saveClipping(clip('Đoạn hai.'));
    await until(() => onChange.mock.calls.length === 1, 'a save');
    // An edit or a delete of a clipping far from the newest is a change too.
    await repo.deleteClipping(clipping.id);
    await until(() => onChange.mock.calls.length === 2, 'a delete');
    m.unmount();
  });

  it('started late, reports what changed since the view read the archive', async () => {
    const { repo, clock } = fresh();
    await repo.saveClipping(clip('Đoạn một.'));
    const readAt = clock.t;
    await repo.saveClipping(clip('Lưu trong lúc chờ.'));
    const late = vi.fn();
    const m1 = mount(<Watch repo={repo} onChange={late} since={readAt} />);
    await until(() => late.mock.calls.length === 1, 'the missed save');
    const current = vi.fn();
    const m2 = mount(<Watch repo={repo} onChange={current} since={clock.t} />);
    await settle(100);
    expect(current).not.toHaveBeenCalled();
    const off = vi.fn();
    const m3 = mount(<Watch repo={repo} onChange={off} enabled={false} />);
    await repo.saveClipping(clip('Thêm nữa.'));
    await until(() => current.mock.calls.length === 1, 'the next save');
    expect(off).not.toHaveBeenCalled();
    for (const m of [m1, m2, m3]) m.unmount();
  });
});
