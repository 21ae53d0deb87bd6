import type { Application, DeviceType, OsName } from './types';

export const FIRST_NAMES = [
	'Alice',
	'Bruno',
	'Chen',
	'Dana',
	'Emeka',
	'Fatima',
	'Greta',
	'Hiro',
	'Ines',
	'Jonas',
	'Kavya',
	'Liam',
	'Mara',
	'Nikolai',
	'Olga',
	'Pedro',
	'Quinn',
	'Rosa',
	'Samir',
	'Tessa',
	'Umar',
	'Vera',
	'Wen',
	'Ximena',
	'Yusuf',
	'Zoe',
	'Aaron',
	'Beatriz',
	'Carlos',
	'Dmitri',
	'Elif',
	'Farid',
	'Grace',
	'Hannah',
	'Ivan',
	'Julia',
	'Kenji',
	'Lena',
	'Malik',
	'Nora'
] as const;

export const LAST_NAMES = [
	'Ng',
	'Silva',
	'Wang',
	'Cohen',
	'Okafor',
	'Haddad',
	'Lind',
	'Tanaka',
	'Moreau',
	'Berg',
	'Iyer',
	'Walsh',
	'Rossi',
	'Petrov',
	'Novak',
	'Costa',
	'Adams',
	'Garcia',
	'Khan',
	'Vries',
	'Aziz',
	'Kowalski',
	'Li',
	'Lopez',
	'Demir',
	'Fischer',
	'Brown',
	'Santos',
	'Mendez',
	'Popov',
	'Yilmaz',
	'Rahimi',
	'Hughes',
	'Becker',
	'Volkov',
	'Martin',
	'Sato',
	'Weber',
	'Hassan',
	'Olsen'
] as const;

export interface PhoneModel {
	os: OsName;
	osVersion: string;
	model: string;
	formFactor: DeviceType;
}

/**
 * Phones in everyday use; the demo also places an old Android 7, a Windows 10 desktop and a
 * tablet.
 */
export const PHONE_MODELS: readonly PhoneModel[] = [
	{ os: 'iOS', osVersion: '17.5', model: 'iPhone 15', formFactor: 'Mobile' },
	{ os: 'iOS', osVersion: '16.7', model: 'iPhone 12', formFactor: 'Mobile' },
	{ os: 'iOS', osVersion: '15.8', model: 'iPhone 8', formFactor: 'Mobile' },
	{ os: 'iOS', osVersion: '18.1', model: 'iPhone 16 Pro', formFactor: 'Mobile' },
	{ os: 'Android', osVersion: '14', model: 'Samsung Galaxy S24', formFactor: 'Mobile' },
	{ os: 'Android', osVersion: '13', model: 'Google Pixel 7', formFactor: 'Mobile' },
	{ os: 'Android', osVersion: '12', model: 'Motorola Edge 30', formFactor: 'Mobile' },
	{ os: 'Android', osVersion: '11', model: 'Samsung Galaxy A52', formFactor: 'Mobile' }
];

export const OLD_ANDROID: PhoneModel = {
	os: 'Android',
	osVersion: '7.0',
	model: 'Samsung Galaxy S7',
	formFactor: 'Mobile'
};
export const WINDOWS_10: PhoneModel = {
	os: 'Windows',
	osVersion: '10',
	model: 'Microsoft Surface Pro 7',
	formFactor: 'Desktop'
};

/**
 * A tablet of the same system and version as the phone it replaces (so what it can install
 * stays the same): the demo places one among the MobilePASS 8 holders.
 */
export function tabletLike(phone: PhoneModel): PhoneModel {
	const model = phone.os === 'iOS' ? 'iPad Air' : 'Samsung Galaxy Tab S9';
	return { ...phone, model, formFactor: 'Tablet' };
}

export const SERVER_PROFILES = [
	{
		id: 'acme',
		name: 'Acme Corp',
		domain: 'acme-corp.example',
		operator: 'operator@acme-corp.example',
		groups: ['Sales', 'Engineering', 'Finance']
	},
	{
		id: 'globex',
		name: 'Globex Labs',
		domain: 'globex-labs.example',
		operator: 'operator@globex-labs.example',
		groups: ['Research', 'Operations']
	}
] as const;

export const APPLICATION_PROFILES: readonly Omit<Application, 'id' | 'serverId'>[] = [
	{ name: 'STA User Portal', integration: 'STA SAML', pushCapable: true },
	{ name: 'Remote Access VPN', integration: 'SafeNet RADIUS', pushCapable: true },
	{ name: 'Outlook Web App', integration: 'AD FS agent', pushCapable: true },
	{ name: 'Legacy Timesheets', integration: 'SafeNet RADIUS', pushCapable: false }
];
