export interface Project {
  id: number;
  name: string;
  archived: boolean;
}

export async function findProject(id: number): Promise<Project | undefined> {
  return id === 1 ? { id: 1, name: 'remodel', archived: false } : undefined;
}

export async function archive(project: Project): Promise<Project> {
  return { ...project, archived: true };
}

export async function rename(project: Project, by: string): Promise<Project> {
  return { ...project, name: project.name + ' (' + by + ')' };
}

// A brand keyed by a unique symbol, as sequelize's CreationOptional attributes have.
declare const EmailBrand: unique symbol;

export async function findOwner(id: number): Promise<{ email: string & { [EmailBrand]?: true } }> {
  return { email: 'owner' + id + '@example.com' };
}

export async function findDraft(id: number): Promise<{ id: number; title?: string }> {
  return id === 1 ? { id, title: 'draft' } : { id };
}

export type Event = { kind: 'count'; payload: number } | { kind: 'name'; payload: string };

export async function findEvent(id: number): Promise<Event> {
  return id === 1 ? { kind: 'count', payload: 3 } : { kind: 'name', payload: 'x' };
}
