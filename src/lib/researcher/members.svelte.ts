import { goto } from '$app/navigation';
import { studies, type InvitationDto, type MemberDto, type StudyRole } from '$lib/api/researcher';
import { STUDY_ROLES } from '$lib/api/types/common';
import { session } from './session.svelte';
import type { StudyEditor } from './study-editor.svelte';

/** The roles, most rights first. */
export const ROLES = STUDY_ROLES;

/**
 * The members tab: the study's researchers and their roles. Every change goes through the editor, so the
 * caller's own role (and with it what the tabs allow) is reloaded too; errors land in `editor.error`.
 */
export class Members {
	list = $state<MemberDto[]>([]);
	/** Addresses added by an owner that have not opened the study yet (whether or not they have an account). */
	invitations = $state<InvitationDto[]>([]);
	loaded = $state(false);
	loadError = $state<unknown>(null);

	constructor(private readonly editor: StudyEditor) {}

	get isOwner(): boolean {
		return this.editor.study?.role === 'owner';
	}

	async load(): Promise<void> {
		try {
			await this.refresh();
			this.loadError = null;
		} catch (error) {
			this.loadError = error;
		} finally {
			this.loaded = true;
		}
	}

	private async refresh(): Promise<void> {
		const { members, invitations } = await studies.members(this.editor.id);
		this.list = members;
		this.invitations = invitations;
	}

	private change(action: () => Promise<unknown>, notice: string): Promise<boolean> {
		return this.editor.run(async () => {
			await action();
			await this.refresh();
		}, notice);
	}

	invite(email: string, role: StudyRole, notice: string): Promise<boolean> {
		return this.change(() => studies.invite(this.editor.id, email.trim(), role), notice);
	}

	cancelInvitation(invitation: InvitationDto, notice: string): Promise<boolean> {
		return this.change(() => studies.cancelInvitation(this.editor.id, invitation.id), notice);
	}

	setRole(member: MemberDto, role: StudyRole, notice: string): Promise<boolean> {
		return this.change(() => studies.changeMemberRole(this.editor.id, member.researcherId, role), notice);
	}

	async remove(member: MemberDto, notice: string): Promise<boolean> {
		if (member.researcherId === session.researcher?.id) {
			// Leaving the study oneself: afterwards it is no longer ours to show.
			this.editor.error = null;
			try {
				await studies.removeMember(this.editor.id, member.researcherId);
			} catch (error) {
				this.editor.error = error;
				return false;
			}
			await goto('/researcher');
			return true;
		}
		return this.change(() => studies.removeMember(this.editor.id, member.researcherId), notice);
	}
}
