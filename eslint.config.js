import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: [
			'build/',
			'build-lms/',
			'.svelte-kit-lms/',
			'.svelte-kit/',
			'node_modules/',
			'test-results/',
			'playwright-report/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// TypeScript checks undefined names better than eslint does (svelte-check runs it).
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		// The domain is pure: no Svelte, no database, no wall clock.
		files: ['src/lib/domain/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: ['svelte', 'svelte/*', 'dexie', '$app/*', '$lib/store/*', '$lib/ui/*'] }
			],
			'no-restricted-properties': [
				'error',
				{ object: 'Date', property: 'now', message: 'Use the simulated clock.' }
			]
		}
	},
	{
		// Reads and writes go through the store: components, routes and feature modules call
		// named queries and commands, and never reach IndexedDB or its tables themselves. Passing the
		// `SandboxDB` handle on to a query is fine (a type import); unit tests may inspect tables.
		// The domain has its own, stricter rule above, which this block must not replace.
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		ignores: ['src/lib/store/**', 'src/lib/domain/**', 'src/**/*.test.ts'],
		rules: {
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{
					paths: [
						{
							name: 'dexie',
							message: "Dexie is only the tests' yardstick (src/lib/store/idb/); call a query."
						},
						{
							name: '$lib/store/db',
							message: 'Call a query from $lib/store/queries/.',
							allowTypeImports: true
						}
					],
					patterns: [
						{
							group: ['**/store/idb/*', '$lib/store/idb/*'],
							message: 'Only src/lib/store/ touches IndexedDB; call a query.'
						},
						{
							group: [
								'**/store/db',
								'**/store/schema',
								'**/store/open',
								'$lib/store/schema',
								'$lib/store/open'
							],
							message: 'Only src/lib/store/ opens the database; call a query.',
							allowTypeImports: true
						}
					]
				}
			],
			'no-restricted-syntax': [
				'error',
				{
					selector: "MemberExpression[object.type='MemberExpression'][object.property.name='db']",
					message: 'Do not read database tables here: call a query from $lib/store/queries/.'
				},
				{
					selector: "MemberExpression[object.type='Identifier'][object.name='db']",
					message: 'Do not read database tables here: call a query from $lib/store/queries/.'
				}
			]
		}
	}
);
